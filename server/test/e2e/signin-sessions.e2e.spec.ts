import { newAccount, CHANGED_PASSWORD } from '../support/new-account';
import { TEST_TARGET } from '../support/test-env';
import { DEMO_PASSWORD, TestServer } from '../support/test-server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sessions and passwords (身份鉴别, docs/security.md): several sessions per user, idle and
 * absolute timeouts recorded once as `auth.session.expired`, sessions ended by a disable or a
 * role change (on another replica within 2 s), password history and expiry.
 */
describe('sign-in sessions (e2e)', () => {
  let server: TestServer;
  let auditor: string;

  beforeAll(async () => {
    server = await TestServer.start({
      // 6 s idle, 20 s absolute: short enough to watch both run out, long enough for a loaded
      // machine's requests (at 3 s and 10 s a CI run with a load of 15 lost sessions while in use)
      LIUZHUAN_SESSION_IDLE_MINUTES: String(6 / 60),
      LIUZHUAN_SESSION_MAX_HOURS: String(20 / 3600),
    });
  });
  afterAll(() => server.stop());

  const me = (token: string) => server.call('GET', '/api/auth/me', { token });
  const expiries = async (sessionId: string) => {
    auditor = await server.login('auditor');
    const qs = new URLSearchParams({ eventType: 'auth.session.expired', targetId: sessionId }).toString();
    return (await server.call('GET', `/api/audit/events?${qs}`, { token: auditor })).body as { items: any[]; total: number };
  };
  const sessionIdOf = async (username: string) => {
    auditor = await server.login('auditor');
    const qs = new URLSearchParams({ eventType: 'auth.login.success', actor: username, limit: '1' }).toString();
    return (await server.call('GET', `/api/audit/events?${qs}`, { token: auditor })).body.items[0].details.sessionId as string;
  };

  it('should keep several sessions of one user open at once', async () => {
    const first = await server.login('clerk');
    const second = await server.login('clerk');
    expect((await me(first)).status).toBe(200);
    expect((await me(second)).status).toBe(200);
  });

  it('should keep a session alive while it is used, end it after the idle time, and record that once', async () => {
    // given a session used every second for longer than the idle limit
    const token = await server.login('head');
    const id = await sessionIdOf('head');
    for (let i = 0; i < 4; i++) {
      await sleep(1000);
      expect((await me(token)).status).toBe(200);
    }
    // when it is left idle past 6 s and then ten requests arrive at once
    await sleep(6500);
    const [first, ...others] = await Promise.all(Array.from({ length: 10 }, () => me(token)));
    const second = others[others.length - 1];
    // then it has ended, and the audit trail holds one expiry
    expect([first.status, first.body.code]).toEqual([401, 'AUTH_SESSION_EXPIRED']);
    expect([second.status, second.body.code]).toEqual([401, 'AUTH_SESSION_EXPIRED']);
    const expired = await expiries(id);
    expect(expired.total).toBe(1);
    expect(expired.items[0]).toMatchObject({ actor: 'head', targetType: 'session', details: { reason: 'idle' } });
  }, 60_000);

  it('should end a session at its absolute limit however busy it is', async () => {
    const token = await server.login('deputy');
    const id = await sessionIdOf('deputy');
    let status = 200;
    for (let i = 0; i < 30 && status === 200; i++) {
      await sleep(1000);
      status = (await me(token)).status;
    }
    expect(status).toBe(401);
    const expired = await expiries(id);
    expect(expired.items.map((e) => e.details.reason)).toEqual(['absolute']);
  }, 60_000);

  it('should end every session of a user who is disabled or given other roles, on another replica within 2 s', async () => {
    // given a second API process on the same database (production: SQLite has one process per file)
    const replica = TEST_TARGET === 'production' ? await TestServer.startOn(server.env) : server;
    try {
      const sysadmin = await server.login('sysadmin');
      const secadmin = await server.login('secadmin');
      const staff = (await server.call('GET', '/api/users?q=staff', { token: sysadmin })).body.items.find(
        (u: any) => u.username === 'staff',
      );
      const mayor = (await server.call('GET', '/api/users?q=mayor', { token: sysadmin })).body.items.find(
        (u: any) => u.username === 'mayor',
      );
      const staffTokens = [await replica.login('staff'), await replica.login('staff')];
      const mayorToken = await replica.login('mayor');
      for (const token of [...staffTokens, mayorToken]) expect((await replica.call('GET', '/api/auth/me', { token })).status).toBe(200);
      // when the one is disabled and the other's roles change, on the first server
      expect((await server.call('POST', `/api/users/${staff.id}/disable`, { token: sysadmin })).status).toBe(200);
      expect(
        (await server.call('PUT', `/api/users/${mayor.id}/roles`, { token: secadmin, body: { roles: ['leader', 'clerk'] } })).status,
      ).toBe(200);
      await sleep(2100);
      // then the replica refuses every one of their sessions
      for (const token of [...staffTokens, mayorToken]) {
        expect((await replica.call('GET', '/api/auth/me', { token })).body.code).toBe('AUTH_SESSION_EXPIRED');
      }
      // and enabling the user again does not bring a session back
      expect((await server.call('POST', `/api/users/${staff.id}/enable`, { token: sysadmin })).status).toBe(200);
      expect((await replica.call('GET', '/api/auth/me', { token: staffTokens[0] })).status).toBe(401);
      await server.call('PUT', `/api/users/${mayor.id}/roles`, { token: secadmin, body: { roles: ['leader'] } });
    } finally {
      if (replica !== server) await replica.stopApp();
    }
  });
});

describe('passwords: history, expiry, audit (e2e)', () => {
  let server: TestServer;

  beforeAll(async () => {
    // a password lasts 5 s here
    server = await TestServer.start({ LIUZHUAN_PASSWORD_MAX_AGE_DAYS: String(5 / 86_400) });
  });
  afterAll(() => server.stop());

  const change = (token: string, current: string, next: string) =>
    server.call('POST', '/api/auth/password', { token, body: { current, next } });
  const events = async (query: Record<string, string>) => {
    const auditor = await server.login('auditor');
    return (await server.call('GET', `/api/audit/events?${new URLSearchParams(query).toString()}`, { token: auditor })).body as {
      items: any[];
      total: number;
    };
  };

  it('should refuse any of the last 5 passwords and accept an older one', async () => {
    // given an account whose passwords were, in turn, CHANGED_PASSWORD, P1, P2, P3, P4
    const sysadmin = await server.login('sysadmin');
    const { token } = await newAccount(server, sysadmin, {
      username: 'lishi',
      displayName: '李氏',
      orgId: (await server.call('GET', '/api/auth/me', { token: sysadmin })).body.orgId,
    });
    const passwords = [CHANGED_PASSWORD, 'Pass#word01', 'Pass#word02', 'Pass#word03', 'Pass#word04'];
    for (let i = 1; i < passwords.length; i++) expect((await change(token, passwords[i - 1], passwords[i])).status).toBe(204);
    // when the user picks each of the last five again
    for (const old of passwords.slice(0, 4)) {
      const r = await change(token, passwords[4], old);
      expect([r.status, r.body.code]).toEqual([422, 'PASSWORD_REUSED']);
    }
    // then a sixth-last would do: after one more change, CHANGED_PASSWORD is the sixth-last
    expect((await change(token, passwords[4], 'Pass#word05')).status).toBe(204);
    expect((await change(token, 'Pass#word05', CHANGED_PASSWORD)).status).toBe(204);
    // and each change is an audit event, the refusals too, with no password in them
    const changes = await events({ eventType: 'auth.password.change', actor: 'lishi', limit: '50' });
    expect(changes.items.filter((e) => e.result === 'success')).toHaveLength(7);
    expect(changes.items.filter((e) => e.errorCode === 'PASSWORD_REUSED')).toHaveLength(4);
    expect(JSON.stringify(changes.items)).not.toContain('Pass#word');
  });

  it('should ask for a change at the first sign-in after the password expired, but never of the demo password', async () => {
    // given an account whose password was set more than 5 s ago
    const sysadmin = await server.login('sysadmin');
    const orgId = (await server.call('GET', '/api/auth/me', { token: sysadmin })).body.orgId;
    await newAccount(server, sysadmin, { username: 'wangwu', displayName: '王五', orgId });
    await sleep(5500);
    // when it signs in
    const r = await server.call('POST', '/api/auth/login', { body: { username: 'wangwu', password: CHANGED_PASSWORD } });
    // then the answer is the change-only one, and nothing else is open to it
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      passwordChangeRequired: true,
      reason: 'expired',
      accessToken: expect.any(String),
      expiresAt: expect.any(String),
    });
    expect((await server.call('GET', '/api/auth/me', { token: r.body.accessToken })).body.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    expect((await change(r.body.accessToken, CHANGED_PASSWORD, 'Renewed#2026')).status).toBe(204);
    const after = await server.call('POST', '/api/auth/login', { body: { username: 'wangwu', password: 'Renewed#2026' } });
    expect(after.body.user.username).toBe('wangwu');
    // and the demo users, seeded long before, keep their documented password
    const demo = await server.call('POST', '/api/auth/login', { body: { username: 'staff', password: DEMO_PASSWORD } });
    expect(demo.body.user.username).toBe('staff');
  });

  it('should record a reset by the security admin, and refuse the password it replaced afterwards', async () => {
    // given
    const sysadmin = await server.login('sysadmin');
    const secadmin = await server.login('secadmin');
    const orgId = (await server.call('GET', '/api/auth/me', { token: sysadmin })).body.orgId;
    const { user } = await newAccount(server, sysadmin, { username: 'zhaoliu', displayName: '赵六', orgId });
    // when
    const reset = await server.call('POST', `/api/users/${user.id}/password-reset`, { token: secadmin });
    expect(reset.status).toBe(200);
    // then the event is there, without the temporary password
    const recorded = await events({ eventType: 'auth.password.reset', targetId: user.id });
    expect(recorded.items.map((e) => [e.actor, e.result])).toEqual([['secadmin', 'success']]);
    expect(JSON.stringify(recorded.items)).not.toContain(reset.body.temporaryPassword);
    // and the user may not go back to the password the reset replaced
    const temp = await server.call('POST', '/api/auth/login', { body: { username: 'zhaoliu', password: reset.body.temporaryPassword } });
    const back = await change(temp.body.accessToken, reset.body.temporaryPassword, CHANGED_PASSWORD);
    expect([back.status, back.body.code]).toEqual([422, 'PASSWORD_REUSED']);
  });
});
