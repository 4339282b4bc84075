import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The response headers helmet sets for these options, worked out once. (@fastify/helmet builds
 * helmet's middleware again for every request: 4 % of the API's CPU under load.)
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as never, response as never, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/**
 * The product's security headers. `upgrade-insecure-requests`, HSTS and COOP only when users
 * reach it over TLS: on a plain-HTTP intranet address the first two make the browser ask for every
 * file over https, and the third is ignored with a console error.
 */
export function productSecurityOptions(https: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // ng-zorro and bpmn-js set inline styles; no inline script is allowed
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // also the workers' source (no worker-src): the phone's PDF preview runs pdf.js's worker from /assets/pdfjs/
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        // the task page frames an attachment's PDF from a blob URL it made (the preview needs the session's token)
        frameSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000 } : false,
    // browsers ignore COOP on an untrustworthy (plain-HTTP, non-loopback) origin and log an error for it
    crossOriginOpenerPolicy: https,
  };
}

/** Sends the security headers of `options` with every response. */
export function applySecurityHeaders(fastify: FastifyInstance, options: HelmetOptions): void {
  const headers = securityHeaders(options);
  fastify.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
