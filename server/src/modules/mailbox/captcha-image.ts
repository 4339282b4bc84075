import { randomInt } from 'node:crypto';

/**
 * The public letter form's captcha, drawn here (no third-party service, no package): each
 * character is a few strokes of a small vector font, rotated, scaled, shifted and bent on a wave,
 * over noise curves and dots. The SVG holds only paths, never the characters as text.
 */
type Stroke = [number, number][];

// a 10 × 14 cell per character; letters and digits that cannot be mistaken for each other
const GLYPHS: Record<string, Stroke[]> = {
  '2': [
    [
      [1, 3],
      [3, 1],
      [7, 1],
      [9, 3],
      [9, 5],
      [1, 13],
      [9, 13],
    ],
  ],
  '3': [
    [
      [1, 2],
      [3, 1],
      [7, 1],
      [9, 3],
      [9, 5],
      [7, 7],
      [4, 7],
    ],
    [
      [7, 7],
      [9, 9],
      [9, 11],
      [7, 13],
      [3, 13],
      [1, 12],
    ],
  ],
  '4': [
    [
      [7, 13],
      [7, 1],
      [1, 9],
      [9, 9],
    ],
  ],
  '5': [
    [
      [9, 1],
      [2, 1],
      [1, 6],
      [6, 6],
      [9, 8],
      [9, 11],
      [7, 13],
      [3, 13],
      [1, 12],
    ],
  ],
  '6': [
    [
      [8, 1],
      [4, 1],
      [1, 5],
      [1, 11],
      [3, 13],
      [7, 13],
      [9, 11],
      [9, 9],
      [7, 7],
      [3, 7],
      [1, 9],
    ],
  ],
  '7': [
    [
      [1, 1],
      [9, 1],
      [4, 13],
    ],
  ],
  '8': [
    [
      [5, 7],
      [2, 5],
      [2, 3],
      [4, 1],
      [6, 1],
      [8, 3],
      [8, 5],
      [5, 7],
      [1, 9],
      [1, 11],
      [3, 13],
      [7, 13],
      [9, 11],
      [9, 9],
      [5, 7],
    ],
  ],
  '9': [
    [
      [9, 5],
      [7, 7],
      [3, 7],
      [1, 5],
      [1, 3],
      [3, 1],
      [7, 1],
      [9, 3],
      [9, 9],
      [6, 13],
      [2, 13],
    ],
  ],
  A: [
    [
      [1, 13],
      [5, 1],
      [9, 13],
    ],
    [
      [3, 8],
      [7, 8],
    ],
  ],
  C: [
    [
      [9, 3],
      [7, 1],
      [3, 1],
      [1, 3],
      [1, 11],
      [3, 13],
      [7, 13],
      [9, 11],
    ],
  ],
  E: [
    [
      [9, 1],
      [1, 1],
      [1, 13],
      [9, 13],
    ],
    [
      [1, 7],
      [7, 7],
    ],
  ],
  H: [
    [
      [1, 1],
      [1, 13],
    ],
    [
      [9, 1],
      [9, 13],
    ],
    [
      [1, 7],
      [9, 7],
    ],
  ],
  K: [
    [
      [1, 1],
      [1, 13],
    ],
    [
      [9, 1],
      [1, 8],
    ],
    [
      [4, 6],
      [9, 13],
    ],
  ],
  M: [
    [
      [1, 13],
      [1, 1],
      [5, 8],
      [9, 1],
      [9, 13],
    ],
  ],
  N: [
    [
      [1, 13],
      [1, 1],
      [9, 13],
      [9, 1],
    ],
  ],
  P: [
    [
      [1, 13],
      [1, 1],
      [7, 1],
      [9, 3],
      [9, 5],
      [7, 7],
      [1, 7],
    ],
  ],
  R: [
    [
      [1, 13],
      [1, 1],
      [7, 1],
      [9, 3],
      [9, 5],
      [7, 7],
      [1, 7],
    ],
    [
      [5, 7],
      [9, 13],
    ],
  ],
  T: [
    [
      [1, 1],
      [9, 1],
    ],
    [
      [5, 1],
      [5, 13],
    ],
  ],
  U: [
    [
      [1, 1],
      [1, 11],
      [3, 13],
      [7, 13],
      [9, 11],
      [9, 1],
    ],
  ],
  W: [
    [
      [1, 1],
      [2, 13],
      [5, 6],
      [8, 13],
      [9, 1],
    ],
  ],
  X: [
    [
      [1, 1],
      [9, 13],
    ],
    [
      [9, 1],
      [1, 13],
    ],
  ],
  Y: [
    [
      [1, 1],
      [5, 7],
      [9, 1],
    ],
    [
      [5, 7],
      [5, 13],
    ],
  ],
};

// no F: under a noise curve across its foot it reads as E (a tester's misreading)
export const CAPTCHA_ALPHABET = Object.keys(GLYPHS).join('');
export const CAPTCHA_LENGTH = 4;
const WIDTH = 160;
const HEIGHT = 60;

/** A uniformly random answer from the alphabet (crypto-strong: the answer is the secret). */
export function randomCaptchaText(length = CAPTCHA_LENGTH): string {
  return Array.from({ length }, () => CAPTCHA_ALPHABET[randomInt(CAPTCHA_ALPHABET.length)]).join('');
}

// the geometry's jitter needs no secrecy; randomInt keeps one source anyway
const between = (min: number, max: number) => min + (randomInt(1_000_000) / 1_000_000) * (max - min);
const f = (n: number) => n.toFixed(1);

/** The SVG of `text` (characters outside the alphabet are left out). */
export function drawCaptcha(text: string): string {
  const parts: string[] = [];
  const hue = Math.floor(between(0, 360));
  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="hsl(${hue},30%,94%)"/>`);
  // noise behind the characters: curves and dots
  for (let i = 0; i < 4; i++) parts.push(noiseCurve(`hsl(${Math.floor(between(0, 360))},40%,60%)`, between(1, 2)));
  for (let i = 0; i < 40; i++) {
    parts.push(
      `<circle cx="${f(between(0, WIDTH))}" cy="${f(between(0, HEIGHT))}" r="${f(between(0.6, 1.8))}" fill="hsl(${Math.floor(between(0, 360))},40%,55%)"/>`,
    );
  }
  const waveAmp = between(2, 5);
  const wavePhase = between(0, Math.PI * 2);
  const waveLen = between(40, 80);
  const chars = [...text.toUpperCase()].filter((c) => GLYPHS[c]);
  const cell = (WIDTH - 16) / Math.max(chars.length, 1);
  chars.forEach((c, i) => {
    // a glyph keeps its shape (one stretch for all its points, a little jitter): a citizen must read it
    const scale = between(2.5, 3.0);
    const stretch = between(0.9, 1.05);
    const angle = (between(-18, 18) * Math.PI) / 180;
    const cx = 8 + cell * (i + 0.5) + between(-3, 3);
    const cy = HEIGHT / 2 + between(-4, 4);
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    const d = GLYPHS[c]
      .map((stroke) =>
        stroke
          .map(([x, y], j) => {
            const lx = (x - 5 + between(-0.2, 0.2)) * scale * stretch;
            const ly = (y - 7 + between(-0.2, 0.2)) * scale;
            const px = cx + lx * cos - ly * sin;
            const py = cy + lx * sin + ly * cos + waveAmp * Math.sin((px / waveLen) * Math.PI * 2 + wavePhase);
            return `${j ? 'L' : 'M'}${f(px)} ${f(py)}`;
          })
          .join(''),
      )
      .join('');
    const color = `hsl(${Math.floor(between(0, 360))},60%,${Math.floor(between(20, 38))}%)`;
    parts.push(
      `<path d="${d}" fill="none" stroke="${color}" stroke-width="${f(between(2.6, 3.4))}" stroke-linecap="round" stroke-linejoin="round"/>`,
    );
  });
  // and a curve across them
  for (let i = 0; i < 2; i++) parts.push(noiseCurve(`hsl(${Math.floor(between(0, 360))},50%,35%)`, between(1.2, 2)));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${parts.join('')}</svg>`;
}

function noiseCurve(color: string, width: number): string {
  const p = () => `${f(between(0, WIDTH))} ${f(between(0, HEIGHT))}`;
  return `<path d="M${f(between(-10, 10))} ${f(between(0, HEIGHT))}C${p()} ${p()} ${f(between(WIDTH - 10, WIDTH + 10))} ${f(between(0, HEIGHT))}" fill="none" stroke="${color}" stroke-width="${f(width)}"/>`;
}

/** The image as the API returns it. */
export const captchaDataUrl = (svg: string): string => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
