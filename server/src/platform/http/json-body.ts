import type { FastifyInstance } from 'fastify';

/**
 * Browsers and HTTP clients send `content-type: application/json` with an empty body on
 * commands that take no input (logout, disable, execute). Fastify refuses those with 400 and
 * closes the connection; here an empty body means "no body". Everything else goes through
 * fastify's own parser, which keeps rejecting __proto__ and constructor keys.
 */
export function acceptEmptyJsonBodies(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (typeof body === 'string' && body.trim() === '') return done(null, undefined);
    parseJson(request, body.toString(), done);
  });
}
