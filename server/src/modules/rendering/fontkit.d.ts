// fontkit (a dependency of pdfkit) ships no types: only the call the rendering module makes.
declare module 'fontkit' {
  /** Parses a font file; for a collection (.ttc) the PostScript name picks the face. */
  export function create(buffer: Uint8Array, postscriptName?: string): { postscriptName?: string; layout: unknown };
}
