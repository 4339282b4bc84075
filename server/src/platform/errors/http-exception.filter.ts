import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ApiError } from '@liuzhuan/contracts';
import { DomainError } from './domain-error';

/** Fastify's own client errors (body parsing, size, content type) mapped to stable codes. */
const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported content type' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'VALIDATION_FAILED', message: 'Request body is empty' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'VALIDATION_FAILED', message: 'Invalid content length' },
};

/** Maps every error to `{ code, message, details? }`; a programmer error becomes a logged 500. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.toResponse(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toResponse(exception: unknown): { status: number; body: ApiError } {
    if (exception instanceof DomainError) {
      const body: ApiError = { code: exception.code, message: exception.message };
      if (exception.details !== undefined) body.details = exception.details;
      return { status: exception.status, body };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code =
        status === 404
          ? 'NOT_FOUND'
          : status === 413
            ? 'PAYLOAD_TOO_LARGE'
            : status === 429
              ? 'RATE_LIMITED'
              : status < 500
                ? 'VALIDATION_FAILED'
                : 'INTERNAL_ERROR';
      return { status, body: { code, message: status === 404 ? 'Not found' : exception.message } };
    }
    const fastifyCode = (exception as { code?: string } | null)?.code;
    if (fastifyCode && FASTIFY_CODES[fastifyCode]) {
      const { status, code, message } = FASTIFY_CODES[fastifyCode];
      return { status, body: { code, message } };
    }
    // fastify's JSON parser rejects malformed JSON and __proto__/constructor keys with statusCode 400
    const statusCode = (exception as { statusCode?: number } | null)?.statusCode;
    if (statusCode && statusCode >= 400 && statusCode < 500) {
      return {
        status: statusCode,
        body: { code: statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', message: (exception as Error).message },
      };
    }
    return { status: 500, body: { code: 'INTERNAL_ERROR', message: 'Internal error' } };
  }
}
