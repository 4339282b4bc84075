import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Angular's output hashing names a bundle `main-4ZC3QJQB.js`: its name changes with its content.
 * The file sent may be its precompressed twin (`main-4ZC3QJQB.js.br`), which is hashed all the same.
 */
const HASHED = /-[A-Z0-9]{8}\.(js|css)(\.br|\.gz)?$/;

/**
 * Serves the built Angular client in embedded mode: files by name, and index.html for every
 * other non-API GET so that deep links such as /inbox open the app. /api is never shadowed.
 * Files are sent as their build-time `.br` / `.gz` twins when the browser accepts one
 * (tools/precompress.mjs), whatever their size.
 */
export async function serveClient(fastify: FastifyInstance, clientDir: string): Promise<boolean> {
  const indexFile = join(clientDir, 'index.html');
  if (!existsSync(indexFile)) return false;
  const indexHtml = readFileSync(indexFile);
  const indexEncoded = { br: brotliCompressSync(indexHtml), gzip: gzipSync(indexHtml) };
  await fastify.register(fastifyStatic, {
    root: clientDir,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true,
    // hashed bundles may be cached for long; anything else (index.html, favicon) is revalidated
    setHeaders: (reply, path) =>
      reply.header('cache-control', HASHED.test(basename(path)) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const path = request.url.split('?')[0];
    if (path === '/api' || path.startsWith('/api/')) return;
    const last = path.slice(path.lastIndexOf('/') + 1);
    if (last.includes('.')) return; // a file: the static routes answer, or 404
    void reply
      .code(200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('vary', 'accept-encoding');
    const encoding = acceptedEncoding(request.headers['accept-encoding']);
    return encoding ? reply.header('content-encoding', encoding).send(indexEncoded[encoding]) : reply.send(indexHtml);
  });
  return true;
}

/** brotli if the browser takes it, else gzip, else none (q=0 refuses a coding, RFC 9110 12.5.3). */
function acceptedEncoding(header: string | string[] | undefined): 'br' | 'gzip' | null {
  const accepted = new Set(
    String(header ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
      .map(([name]) => name.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  return accepted.has('gzip') ? 'gzip' : null;
}
