#!/usr/bin/env node
// Measures what a browser downloads on the first visit: every script and stylesheet that
// index.html loads (directly or as modulepreload), gzip -9 compressed, and the lazy chunks.
// Usage: npx nx build client && node bench/client/bundle-size.mjs
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist/client/browser';
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const gz = (file) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

let raw = 0;
let zipped = gz('index.html');
for (const file of initial) {
  raw += statSync(join(dir, file)).size;
  zipped += gz(file);
}
const lazy = readdirSync(dir).filter((f) => /\.(js|css)$/.test(f) && !initial.includes(f));
const lazyZipped = lazy.map((f) => [f, gz(f)]).sort((a, b) => b[1] - a[1]);
console.log(`initial files: ${initial.length}, raw ${kb(raw)}, gzip -9 (with index.html) ${kb(zipped)}`);
console.log(
  `largest lazy chunks (gzip -9): ${lazyZipped
    .slice(0, 5)
    .map(([f, n]) => `${f} ${kb(n)}`)
    .join(', ')}`,
);
console.log(`client-initial: ${kb(zipped)} gzip (target ≤ 300 kB)`);
