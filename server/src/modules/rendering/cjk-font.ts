import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { Font } from 'fontkit';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config';
import { RenderErrors } from './rendering.errors';
import { FONT_ROLES, type FontRole, STANDARD_FONTS } from './standard-fonts';

/**
 * A CJK font, parsed once by fontkit: pdfkit takes the parsed font as it is, so a PDF costs its
 * glyphs' subset, not a new parse of a collection of tens of megabytes (about ten times faster).
 */
export interface CjkFont {
  /** fontkit's font, for pdfkit's `registerFont` and for glyph checks and outlines */
  parsed: Font;
  /** the face in a collection; null for a single-face file */
  face: string | null;
  path: string;
}

/** The faces of a 公文 (one per role) and the font that has every glyph, for characters a licensed face lacks. */
export type FontSet = Record<FontRole, CjkFont> & { fallback: CjkFont };

interface Candidate {
  path: string;
  face: string | null;
}

/**
 * Where Debian's fonts-noto-cjk puts its collections, with the simplified-Chinese face of each:
 * 宋体-like serif first (公文 are set in 仿宋/宋体, GB/T 9704 §7.1), then the sans.
 */
const DEBIAN_NOTO: readonly Candidate[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
];
const DEBIAN_NOTO_BOLD: Candidate = { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc', face: 'NotoSerifCJKsc-Bold' };
const FONT_FILE = /^\.(ttf|otf|ttc)$/i;

/**
 * Noto Serif SC (SIL OFL 1.1) as `npm ci` installs it (@expo-google-fonts/noto-serif-sc): the
 * fallback a fresh machine has without any system font, so no PDF ever lacks a glyph. Resolved
 * from this file and from the working directory (the server bundle and the test run).
 */
function bundledNoto(weight: '400Regular' | '700Bold'): Candidate | null {
  for (const base of [__filename, join(process.cwd(), 'package.json')]) {
    try {
      return { path: createRequire(base).resolve(`@expo-google-fonts/noto-serif-sc/${weight}/NotoSerifSC_${weight}.ttf`), face: null };
    } catch {
      // not installed where this base looks: try the next
    }
  }
  return null;
}

/**
 * The CJK fonts of every PDF the server renders, found and read once each (at the first PDF,
 * not at boot: the files are tens of megabytes) and kept.
 * - `font()`: the one font of the 处理单: `LIUZHUAN_CJK_FONT` (and `LIUZHUAN_CJK_FONT_NAME` for a
 *   .ttc) when set, else Debian's Noto CJK, else the bundled Noto Serif SC. None: RENDER_FONT_MISSING.
 * - `set()`: the 公文's faces: each the office's licensed file in `LIUZHUAN_FONT_DIR` when there,
 *   else Noto Serif CJK/SC (bold for 小标宋 and 黑体), else `font()`.
 */
@Injectable()
export class CjkFonts {
  private readonly parsed = new Map<string, Promise<CjkFont>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  font(): Promise<CjkFont> {
    const { cjkFont, cjkFontName } = this.config.rendering;
    const candidates: Candidate[] = cjkFont
      ? [{ path: cjkFont, face: cjkFontName ?? defaultFace(cjkFont) }]
      : [...DEBIAN_NOTO, ...[bundledNoto('400Regular')].filter((c): c is Candidate => !!c)];
    const found = candidates.find((c) => existsSync(c.path));
    if (!found) return Promise.reject(RenderErrors.fontMissing(candidates.map((c) => c.path)));
    return this.load(found);
  }

  async set(): Promise<FontSet> {
    const fallback = bundledNoto('400Regular');
    const entries = await Promise.all(FONT_ROLES.map(async (role) => [role, await this.role(role)] as const));
    return { ...Object.fromEntries(entries), fallback: fallback ? await this.load(fallback) : await this.font() } as FontSet;
  }

  private role(role: FontRole): Promise<CjkFont> {
    const licensed = this.licensed(role);
    if (licensed) return this.load(licensed);
    if (!STANDARD_FONTS[role].bold || this.config.rendering.cjkFont) return this.font();
    const bold = [DEBIAN_NOTO_BOLD, bundledNoto('700Bold')].find((c): c is Candidate => !!c && existsSync(c.path));
    return bold ? this.load(bold) : this.font();
  }

  /** The role's file in LIUZHUAN_FONT_DIR, by its standard names (方正小标宋简体.ttf, SIMHEI.TTF …). */
  private licensed(role: FontRole): Candidate | null {
    const dir = this.config.rendering.fontDir;
    if (!dir || !existsSync(dir)) return null;
    const files = readdirSync(dir).filter((f) => FONT_FILE.test(extname(f)));
    for (const name of STANDARD_FONTS[role].files) {
      const file = files.find((f) => f.slice(0, -extname(f).length).toLowerCase() === name.toLowerCase());
      if (file) return { path: join(dir, file), face: null };
    }
    return null;
  }

  private load(candidate: Candidate): Promise<CjkFont> {
    const key = `${candidate.path}#${candidate.face ?? ''}`;
    let loading = this.parsed.get(key);
    if (!loading) {
      loading = parse(candidate).catch((error: unknown) => {
        // a font installed or replaced later is read by the next request
        this.parsed.delete(key);
        throw error;
      });
      this.parsed.set(key, loading);
    }
    return loading;
  }
}

async function parse({ path, face }: Candidate): Promise<CjkFont> {
  const collection = path.toLowerCase().endsWith('.ttc');
  const { create } = await import('fontkit');
  const bytes = await readFile(path);
  let parsed: Font | null = null;
  try {
    const font = create(bytes, (collection && face) || undefined);
    // a collection read without a face name comes back as the collection: its first face
    const single = 'fonts' in font ? font.fonts[0] : font;
    if (typeof single?.layout === 'function') parsed = single;
  } catch {
    // not a font fontkit can read: the same refusal as no font at all, naming the file
  }
  if (!parsed) throw RenderErrors.fontMissing([path]);
  return { parsed, face: collection ? (face ?? parsed.postscriptName ?? null) : null, path };
}

/** The simplified-Chinese face of a Noto CJK collection named by path; null leaves it to the file. */
function defaultFace(path: string): string | null {
  const noto = DEBIAN_NOTO.find((c) => path.endsWith(c.path.split('/').at(-1) ?? ''));
  return noto?.face ?? null;
}
