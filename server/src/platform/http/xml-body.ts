import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/** BPMN files may be up to 5 MB (the engine's limit); a little more for the multipart envelope. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024 + 64 * 1024;

/**
 * XML request bodies (BPMN deploys) arrive as strings with their own size limit, above the
 * 1 MB JSON limit; multipart uploads carry the file as the field `file`. A larger body is
 * refused by fastify with 413 before it is read whole.
 */
export async function acceptXmlBodies(fastify: FastifyInstance): Promise<void> {
  fastify.addContentTypeParser(
    ['application/xml', 'text/xml'],
    { parseAs: 'string', bodyLimit: MAX_UPLOAD_BYTES },
    (_request, body, done) => {
      done(null, body);
    },
  );
  await fastify.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 } });
}
