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

  it('should read a configured single-face font once and keep it', async () => {
    // given a font file that is not a collection (this spec file stands in: the bytes are not parsed here)
    const fonts = new CjkFonts(configWith(__filename));
    // when
    const first = await fonts.font();
    const second = await fonts.font();
    // then
    expect(first).toBe(second);
    expect(first).toMatchObject({ face: null, path: __filename });
  });
});
