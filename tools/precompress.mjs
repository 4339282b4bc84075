#!/usr/bin/env node
// Precompresses the built client once, at build time: every text file (JavaScript, CSS, HTML,
// SVG, JSON, source maps, fonts that are not compressed already) gets a .br and a .gz beside it,
// which @fastify/static (preCompressed) and nginx (gzip_static) send to browsers that accept
// them. Compressing at build time lets brotli run at its highest quality, which costs too much
// per request, and sends every file compressed whatever its size.
// Usage: node tools/precompress.mjs <dir> (default dist/client/browser)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, process.argv[2] ?? 'dist/client/browser');
const TEXT = /\.(js|mjs|css|html|svg|json|map|txt|xml|ttf|otf|ico|webmanifest)$/;

function* files(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (TEXT.test(name)) yield path;
  }
}

let raw = 0;
let brotli = 0;
let count = 0;
for (const path of files(dir)) {
  const content = readFileSync(path);
  const br = brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  raw += content.length;
  brotli += br.length;
  count += 1;
}
console.log(
  `precompressed ${count} files in ${relative(root, dir) || '.'}: ${(raw / 1024).toFixed(0)} kB → ${(brotli / 1024).toFixed(0)} kB with brotli`,
);
