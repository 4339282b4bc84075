// fontkit (a dependency of pdfkit) ships no types: only what the rendering module uses.
declare module 'fontkit' {
  export interface Glyph {
    advanceWidth: number;
    path: { toSVG(): string };
  }
  export interface Font {
    postscriptName?: string;
    unitsPerEm: number;
    layout: unknown;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
  }
  /** Parses a font file; for a collection (.ttc) the PostScript name picks the face, else the collection comes back. */
  export function create(buffer: Uint8Array, postscriptName?: string): Font | { fonts: Font[] };
}
