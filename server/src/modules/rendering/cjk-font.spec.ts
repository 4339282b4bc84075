import type { AppConfig } from '../../platform/config/config';
import { DomainError } from '../../platform/errors/domain-error';
import { CjkFonts } from './cjk-font';

const configWith = (cjkFont: string | null, cjkFontName: string | null = null) => ({ rendering: { cjkFont, cjkFontName } }) as AppConfig;

describe('CjkFonts', () => {
  it('should refuse with RENDER_FONT_MISSING, naming the path, when the configured font does not exist', async () => {
    // given
    const fonts = new CjkFonts(configWith('/nowhere/NoSuchFont.ttc'));
    // when
    const failure = await fonts.font().catch((error: unknown) => error);
    // then
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({ code: 'RENDER_FONT_MISSING', details: { tried: ['/nowhere/NoSuchFont.ttc'] } });
  });

  it('should refuse a file that is no font with RENDER_FONT_MISSING', async () => {
    // given this spec file named as the font
    const fonts = new CjkFonts(configWith(__filename));
    // when
    const failure = await fonts.font().catch((error: unknown) => error);
    // then
    expect(failure).toMatchObject({ code: 'RENDER_FONT_MISSING', details: { tried: [__filename] } });
  });

  it("should parse Debian's Noto CJK collection once, at its simplified-Chinese face, and keep it", async () => {
    // given the collection fonts-noto-cjk installs (CI and the server image have it)
    const path = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
    const fonts = new CjkFonts(configWith(path));
    // when
    const first = await fonts.font();
    const second = await fonts.font();
    // then
    expect(second).toBe(first);
    expect(first).toMatchObject({ face: 'NotoSansCJKsc-Regular', path });
    expect((first.parsed as { postscriptName?: string }).postscriptName).toBe('NotoSansCJKsc-Regular');
  });
});
