import { DataSource } from 'typeorm';
import { TEST_TARGET } from '../support/test-env';
import { DEMO_PASSWORD, TestServer } from '../support/test-server';

/** The HTTP layer's own limits: whose forwarded address is believed, who reads the API description, timeouts. */
describe('HTTP hardening (e2e)', () => {
  const production = TEST_TARGET === 'production';
  let server: TestServer;
  let proxied: TestServer;

  beforeAll(async () => {
    // `proxied` trusts one proxy address that is not the test's own (127.0.0.1), and opens or
    // closes the API description the other way from the target's default
    [server, proxied] = await Promise.all([
      TestServer.start(),
      TestServer.start({ LIUZHUAN_TRUST_PROXY: '10.9.9.9', LIUZHUAN_OPENAPI_PUBLIC: production ? 'true' : 'false' }),
    ]);
  });
  afterAll(() => Promise.all([server?.stop(), proxied?.stop()]));

  /** Signs in with a forged X-Forwarded-For and returns the address the sign-in record keeps. */
  const signInFrom = async (target: TestServer, forwardedFor: string) => {
    const response = await fetch(`${target.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ username: 'clerk', password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const rows: { ip: string | null }[] = await target.app
      .get(DataSource)
      .query(
        "SELECT s.ip FROM session s JOIN app_user u ON u.id = s.user_id WHERE u.username = 'clerk' ORDER BY s.created_at DESC, s.id DESC",
      );
    return rows[0]?.ip;
  };

  it('should ignore a forged X-Forwarded-For when the request does not come from the trusted proxy', async () => {
    // given: the client connects from 127.0.0.1; only 10.9.9.9 may forward addresses
    // when
    const ip = await signInFrom(proxied, '203.0.113.7');
    // then
    expect(ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it('should believe X-Forwarded-For when the request comes from the trusted proxy', async () => {
    // given: a server that trusts the test's own address, as compose's server trusts nginx's
    const behindProxy = await TestServer.start({ LIUZHUAN_TRUST_PROXY: '127.0.0.1' });
    try {
      // when
      const ip = await signInFrom(behindProxy, '203.0.113.7');
      // then
      expect(ip).toBe('203.0.113.7');
    } finally {
      await behindProxy.stop();
    }
  });

  it.each(['/api/docs-json', '/api/docs', '/api/docs/', '/api/docs-yaml'])(
    'should answer %s without a sign-in only where the OpenAPI description is public',
    async (path) => {
      // given: embedded mode opens it by default, production mode (DATABASE_URL) closes it
      const [open, closed] = production ? [proxied, server] : [server, proxied];
      // when
      const anonymousOpen = await open.call('GET', path);
      const anonymousClosed = await closed.call('GET', path);
      const signedIn = await closed.call('GET', path, { token: await closed.login('clerk') });
      // then
      expect(anonymousOpen.status).toBe(200);
      expect([anonymousClosed.status, anonymousClosed.body?.code]).toEqual([401, 'AUTH_REQUIRED']);
      expect(anonymousClosed.headers.get('x-content-type-options')).toBe('nosniff');
      expect(signedIn.status).toBe(200);
    },
  );

  it('should refuse a forged token when the OpenAPI description needs a sign-in', async () => {
    // given
    const closed = production ? server : proxied;
    // when
    const r = await closed.call('GET', '/api/docs-json', { token: 'x'.repeat(40) });
    // then
    expect([r.status, r.body.code]).toEqual([401, 'AUTH_SESSION_EXPIRED']);
  });

  it('should limit how long a request, its headers and an idle connection may take', () => {
    // given / when
    const http = server.app.getHttpServer() as import('node:http').Server;
    // then: the configured defaults reach Node's server (0 would mean no limit)
    expect({
      request: http.requestTimeout,
      headers: http.headersTimeout,
      keepAlive: http.keepAliveTimeout,
      idle: http.timeout,
    }).toEqual({ request: 120_000, headers: 20_000, keepAlive: 72_000, idle: 120_000 });
  });
});
