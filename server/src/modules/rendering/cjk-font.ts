import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config';
import { RenderErrors } from './rendering.errors';

/**
 * The CJK font, parsed once by fontkit: pdfkit takes the parsed font as it is, so a PDF costs its
 * glyphs' subset, not a new parse of a collection of tens of megabytes (about ten times faster).
 */
export interface CjkFont {
  /** fontkit's font, for pdfkit's `registerFont` */
  parsed: { layout: unknown };
  /** the face in a collection; null for a single-face file */
  face: string | null;
  path: string;
}

/**
 * Where Debian's fonts-noto-cjk puts its collections, with the simplified-Chinese face of each:
 * 宋体-like serif first (公文 are set in 仿宋/宋体, GB/T 9704 §7.1), then the sans.
 */
const DEBIAN_NOTO: readonly { path: string; face: string }[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
];

/**
 * The CJK font of every PDF the server renders, found and read once (at the first PDF, not at
 * boot: the file is tens of megabytes) and kept. `LIUZHUAN_CJK_FONT` (and `LIUZHUAN_CJK_FONT_NAME`
 * for a .ttc) chooses it; otherwise the Noto CJK files above. None found: RENDER_FONT_MISSING.
 */
@Injectable()
export class CjkFonts {
  private loading: Promise<CjkFont> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  font(): Promise<CjkFont> {
    this.loading ??= this.load().catch((error: unknown) => {
      // a font installed later is found by the next request
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  private async load(): Promise<CjkFont> {
    const { cjkFont, cjkFontName } = this.config.rendering;
    const candidates = cjkFont ? [{ path: cjkFont, face: cjkFontName ?? defaultFace(cjkFont) }] : DEBIAN_NOTO;
    const found = candidates.find((c) => existsSync(c.path));
    if (!found) throw RenderErrors.fontMissing(candidates.map((c) => c.path));
    const face = found.path.toLowerCase().endsWith('.ttc') ? found.face : null;
    const { create } = await import('fontkit');
    const bytes = await readFile(found.path);
    let parsed: CjkFont['parsed'] | null = null;
    try {
      const font = create(bytes, face ?? undefined);
      // a collection read without a known face name comes back as the collection, not a font
      if (typeof font?.layout === 'function') parsed = font;
    } catch {
      // not a font fontkit can read: the same refusal as no font at all, naming the file
    }
    if (!parsed) throw RenderErrors.fontMissing([found.path]);
    return { parsed, face, path: found.path };
  }
}

/** The simplified-Chinese face of a Noto CJK collection named by path; null leaves it to the file. */
function defaultFace(path: string): string | null {
  const noto = DEBIAN_NOTO.find((c) => path.endsWith(c.path.split('/').at(-1) ?? ''));
  return noto?.face ?? null;
}
