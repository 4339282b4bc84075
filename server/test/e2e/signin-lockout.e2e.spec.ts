import { DEMO_PASSWORD, TestServer } from '../support/test-server';

/**
 * Sign-in under attack (身份鉴别, docs/security.md): the account lockout holds under parallel
 * guesses, its window resets, the security admin unlocks, the per-address throttle, and one
 * answer for every failure while the audit trail keeps the true reason.
 */
describe('sign-in lockout and throttle (e2e)', () => {
  const LIMIT = 5;
  const ADDRESS_LIMIT = 40;
  let server: TestServer;
  let auditor: string;
  let secadmin: string;
  let sysadmin: string;

  beforeAll(async () => {
    server = await TestServer.start({
      LIUZHUAN_LOGIN_MAX_FAILURES: String(LIMIT),
      // a 2-second window, so the test can watch it pass; the lock itself lasts the default 30 minutes
      LIUZHUAN_LOGIN_WINDOW_MINUTES: String(2 / 60),
      LIUZHUAN_LOGIN_ADDRESS_MAX_FAILURES: String(ADDRESS_LIMIT),
      // a day-long address window: the throttle test below outlasts the accounts' windows, not this one
      LIUZHUAN_LOGIN_ADDRESS_WINDOW_MINUTES: '1440',
      // each test signs in from its own address (X-Forwarded-For from the loopback proxy)
      LIUZHUAN_TRUST_PROXY: '127.0.0.1',
    });
    [auditor, secadmin, sysadmin] = await Promise.all(['auditor', 'secadmin', 'sysadmin'].map((u) => server.login(u)));
  });
  afterAll(() => server.stop());

  const signIn = async (username: string, password: string, address: string) => {
    const response = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ username, password }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const failures = async (actor: string) => {
    const qs = new URLSearchParams({ actor, eventType: 'auth.login.failure', limit: '200' }).toString();
    const r = await server.call('GET', `/api/audit/events?${qs}`, { token: auditor });
    expect(r.status).toBe(200);
    const reasons: Record<string, number> = {};
    for (const e of r.body.items) reasons[e.details.reason] = (reasons[e.details.reason] ?? 0) + 1;
    return reasons;
  };
  const events = async (query: Record<string, string>) => {
    const r = await server.call('GET', `/api/audit/events?${new URLSearchParams(query).toString()}`, { token: auditor });
    return r.body as { items: any[]; total: number };
  };
  const userId = async (username: string) =>
    (await server.call('GET', `/api/users?q=${username}`, { token: sysadmin })).body.items.find((u: any) => u.username === username).id;
  const REFUSED = { code: 'AUTH_INVALID_CREDENTIALS', message: expect.any(String) };
  /** the user as the security admin's list shows them (lockedUntil: when a lock holds) */
  const listed = async (username: string) =>
    (await server.call('GET', `/api/users?q=${username}`, { token: secadmin })).body.items.find((u: any) => u.username === username);

  it('should check exactly the limit of 30 parallel wrong passwords, lock, and refuse the right one', async () => {
    // when 30 wrong passwords arrive at once
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn('fgw_clerk', `wrong-${i}`, '10.0.0.1')));
    // then every one is refused with the same answer
    expect(answers.every((a) => a.status === 401)).toBe(true);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers[0].body).toEqual(REFUSED);
    // and the right password now fails too
    const right = await signIn('fgw_clerk', DEMO_PASSWORD, '10.0.0.1');
    expect([right.status, right.body]).toEqual([401, REFUSED]);
    // exactly LIMIT passwords were checked; the rest (and the right one) were refused as locked, unchecked
    expect(await failures('fgw_clerk')).toEqual({ wrong_password: LIMIT, locked: 30 - LIMIT + 1 });
    const locked = await events({ actor: 'fgw_clerk', eventType: 'auth.login.locked' });
    expect(locked.total).toBe(1);
    expect(locked.items[0].details).toMatchObject({ failures: LIMIT, lockedUntil: expect.any(String) });
  });

  it('should stay locked after the window passed, until the security admin unlocks', async () => {
    // given the account locked by the previous test, and its 2 s window long gone
    await new Promise((r) => setTimeout(r, 2200));
    expect((await signIn('fgw_clerk', DEMO_PASSWORD, '10.0.0.2')).status).toBe(401);
    const id = await userId('fgw_clerk');
    expect(Date.parse((await listed('fgw_clerk')).lockedUntil)).toBeGreaterThan(Date.now());
    // when the system admin tries, then the security admin on their own account, then on the user's
    expect((await server.call('POST', `/api/users/${id}/unlock`, { token: sysadmin })).body.code).toBe('FORBIDDEN_ROLE');
    const self = await server.call('POST', `/api/users/${await userId('secadmin')}/unlock`, { token: secadmin });
    expect([self.status, self.body.code]).toEqual([403, 'SELF_ADMINISTRATION']);
    const unlocked = await server.call('POST', `/api/users/${id}/unlock`, { token: secadmin });
    // then
    expect(unlocked.status).toBe(204);
    expect((await listed('fgw_clerk')).lockedUntil).toBeNull();
    expect((await signIn('fgw_clerk', DEMO_PASSWORD, '10.0.0.2')).status).toBe(200);
    const audit = await events({ eventType: 'auth.unlock', targetId: id });
    expect(audit.items.map((e) => [e.actor, e.result, e.details.wasLocked])).toEqual([['secadmin', 'success', true]]);
    // the refusal on their own account (403) is recorded as access.denied, naming what was attempted
    const denied = await events({ eventType: 'access.denied', actor: 'secadmin', result: 'failure' });
    expect(denied.items.filter((e) => e.details.attempted === 'auth.unlock')).toHaveLength(1);
  });

  it('should count failures in a window that restarts once it has passed', async () => {
    // given LIMIT - 1 failures, then the window passes
    for (let i = 0; i < LIMIT - 1; i++) expect((await signIn('czj_clerk', 'nope', '10.0.0.3')).status).toBe(401);
    await new Promise((r) => setTimeout(r, 2200));
    // when LIMIT - 1 more fail in the new window
    for (let i = 0; i < LIMIT - 1; i++) expect((await signIn('czj_clerk', 'nope', '10.0.0.3')).status).toBe(401);
    // then the account is not locked: 2 × (LIMIT - 1) failures, never LIMIT within one window
    expect((await signIn('czj_clerk', DEMO_PASSWORD, '10.0.0.3')).status).toBe(200);
    expect(await failures('czj_clerk')).toEqual({ wrong_password: 2 * (LIMIT - 1) });
    // and a success clears the count: LIMIT - 1 more do not lock either
    for (let i = 0; i < LIMIT - 1; i++) expect((await signIn('czj_clerk', 'nope', '10.0.0.3')).status).toBe(401);
    expect((await signIn('czj_clerk', DEMO_PASSWORD, '10.0.0.3')).status).toBe(200);
  });

  it('should answer an unknown, a wrong, a locked and a disabled sign-in alike, and log the true reason', async () => {
    // given a locked and a disabled account
    for (let i = 0; i < LIMIT; i++) await signIn('zjj_clerk', 'nope', '10.0.0.4');
    expect((await server.call('POST', `/api/users/${await userId('zjj_head')}/disable`, { token: sysadmin })).status).toBe(200);
    // when each signs in with its right password (the unknown and the wrong with some password)
    const answers = [
      await signIn('no-such-user', DEMO_PASSWORD, '10.0.0.4'),
      await signIn('gaj_clerk', 'not-the-password', '10.0.0.4'),
      await signIn('zjj_clerk', DEMO_PASSWORD, '10.0.0.4'),
      await signIn('zjj_head', DEMO_PASSWORD, '10.0.0.4'),
    ];
    // then the answers are identical
    for (const a of answers) expect([a.status, a.body]).toEqual([401, REFUSED]);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    // and the audit trail tells them apart
    expect(await failures('no-such-user')).toEqual({ unknown_user: 1 });
    expect(await failures('gaj_clerk')).toEqual({ wrong_password: 1 });
    expect((await failures('zjj_clerk')).locked).toBe(1);
    expect(await failures('zjj_head')).toEqual({ disabled: 1 });
  });

  it('should throttle an address after its failures, answering as any failure, and leave other addresses alone', async () => {
    // given an address that fails ADDRESS_LIMIT times on many accounts (none reaches its own limit)
    const guesses = Array.from({ length: ADDRESS_LIMIT }, (_, i) => ['hanbin_clerk', 'hbczj_clerk', 'shiquan_clerk', 'sqzjj_clerk'][i % 4]);
    for (const username of guesses.slice(0, ADDRESS_LIMIT / 2)) expect((await signIn(username, 'nope', '10.0.0.5')).status).toBe(401);
    // a success is no failure: it does not count
    expect((await signIn('cgj_clerk', DEMO_PASSWORD, '10.0.0.5')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2200)); // the accounts' windows pass; the address's (a day) does not
    for (const username of guesses.slice(ADDRESS_LIMIT / 2)) expect((await signIn(username, 'nope', '10.0.0.5')).status).toBe(401);
    // when it then signs in with a right password
    const throttled = await signIn('cgj_clerk', DEMO_PASSWORD, '10.0.0.5');
    // then it is refused like any failure, and the log says why
    expect([throttled.status, throttled.body]).toEqual([401, REFUSED]);
    expect(await failures('cgj_clerk')).toEqual({ throttled: 1 });
    // and the same account from another address signs in
    expect((await signIn('cgj_clerk', DEMO_PASSWORD, '10.0.0.6')).status).toBe(200);
  });

  describe('the address window', () => {
    const WINDOW_SECONDS = 6;
    let short: TestServer;
    beforeAll(async () => {
      short = await TestServer.start({
        LIUZHUAN_LOGIN_ADDRESS_MAX_FAILURES: '3',
        LIUZHUAN_LOGIN_ADDRESS_WINDOW_MINUTES: String(WINDOW_SECONDS / 60),
        LIUZHUAN_TRUST_PROXY: '127.0.0.1',
      });
    });
    afterAll(() => short.stop());
    const attempt = async (username: string, password: string) =>
      (
        await fetch(`${short.baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.9.9' },
          body: JSON.stringify({ username, password }),
        })
      ).status;
    const sleepUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

    it('should run from the first failure of the address and start again once it has passed', async () => {
      // given one failure, and two more half a window later (clock-aligned windows would split them)
      const first = Date.now();
      expect(await attempt('fgw_clerk', 'nope')).toBe(401);
      await sleepUntil(first + (WINDOW_SECONDS * 1000) / 2);
      expect(await attempt('czj_clerk', 'nope')).toBe(401);
      expect(await attempt('jtj_clerk', 'nope')).toBe(401);
      // when the address then signs in rightly within the window that began at its first failure
      const within = await attempt('cgj_clerk', DEMO_PASSWORD);
      expect(Date.now() - first).toBeLessThan(WINDOW_SECONDS * 1000); // the refusal below is inside the window
      // then it is refused; and once the window has passed, the same sign-in is accepted
      expect(within).toBe(401);
      await sleepUntil(first + WINDOW_SECONDS * 1000 + 500);
      expect(await attempt('cgj_clerk', DEMO_PASSWORD)).toBe(200);
    });
  });
});
