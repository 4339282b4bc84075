import type { INestApplication } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../platform/errors/domain-error';
import { AuthErrors } from './auth.errors';
import { SecondFactorErrors } from './second-factor/second-factor.errors';
import { AuthService } from './auth.service';

// Swagger UI's page and files, the JSON and the YAML document
const OPENAPI_PATH = /^\/api\/docs(?:[-/?.]|$)/;

/**
 * In production mode the API description is for signed-in users only: SwaggerModule's routes
 * are fastify's, not Nest controllers, so the global AuthGuard does not see them and this hook
 * checks the bearer token the same way.
 */
export function requireSignInForOpenApi(app: INestApplication, fastify: FastifyInstance): void {
  const auth = app.get(AuthService);
  fastify.addHook('onRequest', async (request, reply) => {
    if (!OPENAPI_PATH.test(request.url)) return;
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer (.+)$/i.exec(header) : null;
    try {
      if (!match) throw AuthErrors.noBearer();
      const signedIn = await auth.authenticate(match[1].trim());
      // a change-only or enrolment-only sign-in reads nothing else
      if (signedIn.mustChangePassword) throw AuthErrors.passwordChangeRequired();
      if (signedIn.enrolmentRequired) throw SecondFactorErrors.enrolmentRequired();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await reply
        .code(error.status)
        .header('content-type', 'application/json; charset=utf-8')
        .send({ code: error.code, message: error.message });
    }
  });
}
