import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built Angular client in embedded mode: files by name, and index.html for every
 * other non-API GET so that deep links such as /inbox open the app. /api is never shadowed.
 */
export async function serveClient(fastify: FastifyInstance, clientDir: string): Promise<boolean> {
  const indexFile = join(clientDir, 'index.html');
  if (!existsSync(indexFile)) return false;
  const indexHtml = readFileSync(indexFile);
  await fastify.register(fastifyStatic, {
    root: clientDir,
    prefix: '/',
    wildcard: false,
    index: false,
    // hashed bundles may be cached for long; index.html must always be revalidated
    setHeaders: (reply, path) => reply.header('cache-control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
  });
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const path = request.url.split('?')[0];
    if (path === '/api' || path.startsWith('/api/')) return;
    const last = path.slice(path.lastIndexOf('/') + 1);
    if (last.includes('.')) return; // a file: the static routes answer, or 404
    return reply.code(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  });
  return true;
}
