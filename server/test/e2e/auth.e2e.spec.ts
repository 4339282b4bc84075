import { DEMO_USERS } from '../../src/modules/org/demo-city.data';
import { TestServer } from '../support/test-server';

describe('sign-in (e2e)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await TestServer.start({ LIUZHUAN_LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => server.stop());

  it('should let every demo user sign in with the demo password', async () => {
    for (const username of ['admin', 'sysadmin', 'secadmin', 'auditor', 'clerk', 'staff', 'head', 'deputy', 'mayor']) {
      // given a fixed demo user / when
      const r = await server.call('POST', '/api/auth/login', { body: { username, password: 'Liuzhuan@2026' } });
      // then (the admins first enrol a second factor: totp.e2e.spec.ts)
      expect(r.status).toBe(200);
      if (['admin', 'sysadmin', 'secadmin', 'auditor'].includes(username)) expect(r.body.enrolmentRequired).toBe(true);
      else expect(r.body.user.username).toBe(username);
      expect(typeof r.body.accessToken).toBe('string');
    }
    expect(DEMO_USERS.length).toBeGreaterThan(20);
  });

  it('should answer 401 with a code when the password is wrong', async () => {
    const r = await server.call('POST', '/api/auth/login', { body: { username: 'clerk', password: 'wrong' } });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ code: 'AUTH_INVALID_CREDENTIALS', message: expect.any(String) });
  });

  it('should answer the same 401 when the user does not exist', async () => {
    const r = await server.call('POST', '/api/auth/login', { body: { username: 'nobody', password: 'wrong' } });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('should require a bearer token on every route but health and login', async () => {
    for (const path of ['/api/auth/me', '/api/orgs', '/api/users']) {
      const r = await server.call('GET', path);
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('AUTH_REQUIRED');
    }
    const bad = await server.call('GET', '/api/auth/me', { token: 'not-a-real-token-but-long-enough' });
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('AUTH_SESSION_EXPIRED');
    expect((await server.call('GET', '/api/health')).status).toBe(200);
  });

  it('should return the signed-in user and end the session at once on logout', async () => {
    // given
    const token = await server.login('head');
    const me = await server.call('GET', '/api/auth/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: 'head', displayName: '刘洋', orgName: '安康市人民政府办公室', roles: ['leader'] });
    // when
    const out = await server.call('POST', '/api/auth/logout', { token });
    // then
    expect(out.status).toBe(204);
    const after = await server.call('GET', '/api/auth/me', { token });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('AUTH_SESSION_EXPIRED');
  });

  it('should accept a command with an empty JSON body, as browsers send it', async () => {
    // given
    const token = await server.login('deputy');
    // when logout is posted with content-type application/json and no body
    const r = await server.call('POST', '/api/auth/logout', { token, raw: '' });
    // then
    expect(r.status).toBe(204);
    expect((await server.call('GET', '/api/auth/me', { token })).status).toBe(401);
  });

  it('should lock the account after repeated failures and refuse even the right password', async () => {
    // given three failures (the limit in this test server)
    for (let i = 0; i < 3; i++) {
      expect((await server.call('POST', '/api/auth/login', { body: { username: 'fgw_clerk', password: 'nope' } })).status).toBe(401);
    }
    // when
    const r = await server.call('POST', '/api/auth/login', { body: { username: 'fgw_clerk', password: 'Liuzhuan@2026' } });
    // then the answer is the one every failed sign-in gets (the audit trail keeps the reason)
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('should end the open sessions of a user the system admin disables', async () => {
    // given a signed-in user whose session this process has just read (and cached)
    const victim = await server.login('staff');
    expect((await server.call('GET', '/api/auth/me', { token: victim })).status).toBe(200);
    const sysadmin = await server.login('sysadmin');
    const staff = (await server.call('GET', '/api/users?q=staff', { token: sysadmin })).body.items.find((u: any) => u.username === 'staff');
    // when
    const r = await server.call('POST', `/api/users/${staff.id}/disable`, { token: sysadmin });
    // then
    expect(r.status).toBe(200);
    expect(r.body.enabled).toBe(false);
    const me = await server.call('GET', '/api/auth/me', { token: victim });
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('AUTH_SESSION_EXPIRED');
    const again = await server.call('POST', '/api/auth/login', { body: { username: 'staff', password: 'Liuzhuan@2026' } });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    await server.call('POST', `/api/users/${staff.id}/enable`, { token: sysadmin });
    // enabling again does not revive the ended session
    expect((await server.call('GET', '/api/auth/me', { token: victim })).status).toBe(401);
  });

  it('should end the sessions of a user whose roles the security admin changes', async () => {
    // given a signed-in user whose session this process has just read
    const token = await server.login('deputy');
    expect((await server.call('GET', '/api/auth/me', { token })).body.roles).toEqual(['leader']);
    const secadmin = await server.login('secadmin');
    const deputy = (await server.call('GET', '/api/users?q=deputy', { token: secadmin })).body.items.find(
      (u: any) => u.username === 'deputy',
    );
    // when the security admin changes the roles
    expect(
      (await server.call('PUT', `/api/users/${deputy.id}/roles`, { token: secadmin, body: { roles: ['leader', 'clerk'] } })).status,
    ).toBe(200);
    // then the very next request is refused, and a new sign-in carries the new roles
    expect((await server.call('GET', '/api/auth/me', { token })).body.code).toBe('AUTH_SESSION_EXPIRED');
    const again = await server.login('deputy');
    expect((await server.call('GET', '/api/auth/me', { token: again })).body.roles).toEqual(['clerk', 'leader']);
    await server.call('PUT', `/api/users/${deputy.id}/roles`, { token: secadmin, body: { roles: ['leader'] } });
    expect((await server.call('GET', '/api/auth/me', { token: again })).status).toBe(401);
  });

  it.each([
    ['an unknown field', { username: 'clerk', password: 'x', admin: true }],
    ['a wrong type', { username: 42, password: 'x' }],
    ['a missing field', { username: 'clerk' }],
    ['an array body', [1, 2]],
  ])('should answer 400 VALIDATION_FAILED when the login body has %s', async (_, body) => {
    const r = await server.call('POST', '/api/auth/login', { body });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
  });

  it('should answer 400 for malformed JSON and prototype-pollution keys', async () => {
    const malformed = await server.call('POST', '/api/auth/login', { raw: '{"username": "clerk",' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    const polluted = await server.call('POST', '/api/auth/login', {
      raw: '{"username":"clerk","password":"x","__proto__":{"admin":true}}',
    });
    expect(polluted.status).toBe(400);
    expect(polluted.body.code).toBe('VALIDATION_FAILED');
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('should answer 413 with a code when the body is over 1 MB', async () => {
    const r = await server.call('POST', '/api/auth/login', { raw: JSON.stringify({ username: 'x'.repeat(1_100_000), password: 'x' }) });
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
