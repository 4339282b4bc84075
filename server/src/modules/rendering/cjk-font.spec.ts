import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../../platform/config/config';
import { DomainError } from '../../platform/errors/domain-error';
import { CjkFonts } from './cjk-font';

const configWith = (cjkFont: string | null, cjkFontName: string | null = null, fontDir: string | null = null) =>
  ({ rendering: { cjkFont, cjkFontName, fontDir } }) as AppConfig;

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

describe('CjkFonts.set', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lz-fonts-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("should take a face from LIUZHUAN_FONT_DIR by its standard file name, and keep npm's Noto Serif SC as the fallback", async () => {
    // given the office's 仿宋_GB2312 (here: a copy of the bundled Noto Serif SC) in the font directory
    const bundled = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
    copyFileSync(bundled, join(dir, '仿宋_GB2312.TTF'));
    const fonts = new CjkFonts(configWith(null, null, dir));
    // when the 公文's faces are read
    const set = await fonts.set();
    // then 仿宋 is the office's file, the others are not, and the fallback is the package's font
    expect(set.fangsong.path).toBe(join(dir, '仿宋_GB2312.TTF'));
    expect(set.kaiti.path).not.toContain(dir);
    expect(set.fallback.path).toBe(bundled);
    expect(set.fallback.parsed.hasGlyphForCodePoint('〔'.codePointAt(0)!)).toBe(true);
  });
});
