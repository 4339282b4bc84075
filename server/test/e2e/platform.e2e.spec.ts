import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { API_ROUTES } from '@liuzhuan/contracts';
import { TEST_TARGET } from '../support/test-env';
import { TestServer } from '../support/test-server';

describe('platform (e2e)', () => {
  let server: TestServer;
  const clientDir = mkdtempSync(join(tmpdir(), 'lz-client-'));
  const BUNDLE = `export const greeting = '${'流转'.repeat(200)}';`;

  beforeAll(async () => {
    // given a built client (a stand-in with an index page and one asset)
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>流转</title><app-root></app-root>');
    mkdirSync(join(clientDir, 'media'));
    writeFileSync(join(clientDir, 'main-AB12CD34.js'), 'console.log(1)');
    // and the build's precompressed twins of a bundle (tools/precompress.mjs)
    writeFileSync(join(clientDir, 'chunk-ZX98YW76.js'), BUNDLE);
    writeFileSync(join(clientDir, 'chunk-ZX98YW76.js.br'), brotliCompressSync(BUNDLE));
    writeFileSync(join(clientDir, 'chunk-ZX98YW76.js.gz'), gzipSync(BUNDLE));
    writeFileSync(join(clientDir, 'favicon.ico'), 'icon');
    server = await TestServer.start({ LIUZHUAN_CLIENT_DIR: clientDir });
  });
  afterAll(() => server.stop());

  it('should report the database and queue it runs on', async () => {
    const r = await server.call('GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      status: 'ok',
      db: TEST_TARGET === 'production' ? 'mysql' : 'sqlite',
      queue: TEST_TARGET === 'production' ? 'bullmq' : 'local',
      version: expect.any(String),
    });
  });

  it('should serve the client at / and at deep links, never shadowing /api', async () => {
    for (const path of ['/', '/inbox', '/documents/123/view']) {
      const r = await server.call('GET', path);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toContain('text/html');
      expect(r.body).toContain('<app-root>');
    }
    const asset = await server.call('GET', '/main-AB12CD34.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // a file whose name has no content hash is revalidated, never cached for a year
    expect((await server.call('GET', '/favicon.ico')).headers.get('cache-control')).toBe('no-cache');
    expect((await server.call('GET', '/missing.js')).status).toBe(404);
    const api = await server.call('GET', '/api/no-such-route');
    expect(api.status).toBe(404);
    expect(api.body.code).toBe('NOT_FOUND');
  });

  it('should send the client compressed when the browser accepts it', async () => {
    // when a browser that takes brotli asks for a bundle and for a deep link
    const bundle = await fetch(`${server.baseUrl}/chunk-ZX98YW76.js`, { headers: { 'accept-encoding': 'br, gzip' } });
    const page = await fetch(`${server.baseUrl}/inbox`, { headers: { 'accept-encoding': 'gzip' } });
    // then the bundle is the brotli twin (fetch decodes it) and the page comes gzipped
    expect(bundle.headers.get('content-encoding')).toBe('br');
    expect(await bundle.text()).toBe(BUNDLE);
    // a hashed bundle keeps its long caching when its compressed twin is sent
    expect(bundle.headers.get('cache-control')).toContain('immutable');
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(await page.text()).toContain('<app-root>');
    // and a client that takes no compression gets the plain file
    const plain = await fetch(`${server.baseUrl}/chunk-ZX98YW76.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(BUNDLE);
  });

  it('should publish an OpenAPI document listing exactly the routes in the contracts', async () => {
    // production mode shows it to signed-in users only (http-hardening.e2e.spec.ts)
    const token = await server.login('clerk');
    const r = await server.call('GET', '/api/docs-json', { token });
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    const documented = Object.entries(r.body.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.sort()).toEqual(API_ROUTES.map((x) => `${x.method} /api${x.path.replace(/:(\w+)/g, '{$1}')}`).sort());
    expect(r.body.components.schemas.LoginRequest.required).toEqual(['username', 'password']);
    const ui = await server.call('GET', '/api/docs', { token });
    expect(ui.status).toBe(200);
  });

  it('should serve on the server exactly the routes the contracts declare', () => {
    // Nest registers its routes with fastify; printRoutes lists them
    const fastify = server.app.getHttpAdapter().getInstance();
    for (const route of API_ROUTES) {
      const url = `/api${route.path.replace(/:(\w+)/g, '01m8f2cfmb4d8ms8m3thz4rak0')}`;
      expect([route.method, url, fastify.hasRoute({ method: route.method, url: `/api${route.path}` })]).toEqual([route.method, url, true]);
    }
  });

  it('should send security headers', async () => {
    const r = await server.call('GET', '/');
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    // the embedded default is plain HTTP on the LAN: no upgrade to https, no HSTS
    expect(r.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(r.headers.get('strict-transport-security')).toBeNull();
  });
});
