import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { JobRunner } from './modules/jobs/job-runner.service';
import { requireSignInForOpenApi } from './modules/auth/openapi-access';
import { AccessDeniedRecorder } from './modules/auth/access-denied.filter';
import { DemoCitySeeder } from './modules/org/demo-city.seeder';
import { ShippedWorkflows } from './modules/definitions/shipped-workflows';
import type { AppConfig } from './platform/config/config';
import { HttpExceptionFilter } from './platform/errors/http-exception.filter';
import { serveClient } from './platform/http/client-static';
import { acceptEmptyJsonBodies } from './platform/http/json-body';
import { acceptXmlBodies } from './platform/http/xml-body';
import { applySecurityHeaders, productSecurityOptions } from './platform/http/security-headers';
import { buildOpenApiDocument } from './platform/openapi/openapi';
import { VERSION } from './version';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Where the built client is looked for when LIUZHUAN_CLIENT_DIR is not set. */
function defaultClientDir(): string | null {
  for (const dir of [join(__dirname, '../client/browser'), join(process.cwd(), 'dist/client/browser')]) {
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  return null;
}

/** Builds the HTTP application: API under /api, OpenAPI at /api/docs, the client at /. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    requestTimeout: config.http.requestTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    connectionTimeout: config.http.idleTimeoutMs,
    ...(config.trustProxy.length ? { trustProxy: config.trustProxy } : {}),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
    bufferLogs: false,
    // the JSON body parser is ours (acceptEmptyJsonBodies), not Nest's
    bodyParser: false,
  });
  app.setGlobalPrefix('api');
  // the later filter is tried first: a DomainError goes to AccessDeniedRecorder (which records a 403
  // on an admin route, then answers as HttpExceptionFilter does), everything else to HttpExceptionFilter
  app.useGlobalFilters(new HttpExceptionFilter(), app.get(AccessDeniedRecorder));
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  fastify.server.headersTimeout = config.http.headersTimeoutMs;
  acceptEmptyJsonBodies(fastify);
  await acceptXmlBodies(fastify);
  applySecurityHeaders(fastify, productSecurityOptions(config.https));

  if (!config.openApiPublic) requireSignInForOpenApi(app, fastify);
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(VERSION) as never, {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'Liuzhuan API',
  });

  const clientDir = config.clientDir ?? defaultClientDir();
  if (clientDir && (await serveClient(fastify, clientDir))) Logger.log(`serving the client from ${clientDir}`, 'Bootstrap');
  else Logger.warn('no built client found: only the API is served (run npm run build)', 'Bootstrap');

  await app.init();
  if (config.demo.enabled) {
    await app.get(DemoCitySeeder).seed();
    await app.get(ShippedWorkflows).deployMissing();
  }
  // embedded mode: this process also runs the jobs (the worker does with Redis)
  if (config.jobs.runInApi) await app.get(JobRunner).startProcessing();
  return app;
}
