import { DataSource } from 'typeorm';
import { singleTask } from '../support/bpmn-fixtures';
import { currentStep, totpAt } from '../support/second-factor';
import { DEMO_PASSWORD, TestServer } from '../support/test-server';

describe('second factor: TOTP at sign-in (e2e)', () => {
  let server: TestServer;
  let secadmin: string;
  let sysadmin: string;

  beforeAll(async () => {
    server = await TestServer.start();
    [secadmin, sysadmin] = await Promise.all([server.login('secadmin'), server.login('sysadmin')]);
  });
  afterAll(() => server.stop());

  const signIn = (username: string, totp?: string, password = DEMO_PASSWORD) =>
    server.call('POST', '/api/auth/login', { body: { username, password, ...(totp === undefined ? {} : { totp }) } });
  const userId = async (username: string) =>
    (await server.call('GET', `/api/users?q=${username}`, { token: sysadmin })).body.items.find((u: any) => u.username === username).id;
  const eventsOf = async (actor: string) => {
    const auditor = await server.login('auditor');
    return (await server.call('GET', `/api/audit/events?actor=${actor}&limit=200`, { token: auditor })).body.items as any[];
  };

  /** Signs in an account that must enrol, enrols and activates it; the secret, the activation step and the recovery codes. */
  const enrol = async (username: string) => {
    const first = await signIn(username);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ enrolmentRequired: true, accessToken: expect.any(String), expiresAt: expect.any(String) });
    const token = first.body.accessToken;
    const enrolled = await server.call('POST', '/api/auth/totp/enroll', { token });
    expect(enrolled.status).toBe(200);
    const step = currentStep();
    const activated = await server.call('POST', '/api/auth/totp/activate', { token, body: { code: totpAt(enrolled.body.secret, step) } });
    expect(activated.status).toBe(200);
    return { token, secret: enrolled.body.secret as string, step, recoveryCodes: activated.body.recoveryCodes as string[], enrolled };
  };

  it('should enrol an admin with a QR code, then sign in only with a fresh code', async () => {
    // given the auditor's first sign-in (a token good for enrolment only), enrolled and activated
    const { token, secret, step, recoveryCodes, enrolled } = await enrol('auditor');
    expect(enrolled.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/.+secret=[A-Z2-7]+.*algorithm=SHA1&digits=6&period=30/);
    expect(enrolled.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    // the enrolment-only session ended with the activation
    expect((await server.call('GET', '/api/auth/me', { token })).status).toBe(401);
    // the secret is stored sealed (SM4), never in clear
    const [row] = await server.app
      .get(DataSource)
      .query('SELECT secret_cipher FROM user_second_factor WHERE user_id = ?', [await userId('auditor')]);
    expect(row.secret_cipher).not.toContain(secret);
    expect(row.secret_cipher).toMatch(/^[a-z0-9]+:/);

    // when signing in without a code, with a wrong password, with the activation's (used) code, then a fresh one
    const missing = await signIn('auditor');
    const wrongPassword = await signIn('auditor', undefined, 'wrong-password');
    const replayed = await signIn('auditor', totpAt(secret, step));
    const fresh = await signIn('auditor', totpAt(secret, step + 1));
    const again = await signIn('auditor', totpAt(secret, step + 1));

    // then a code is asked for only after the right password, a used code is refused, a fresh one signs in once
    expect([missing.status, missing.body.code]).toEqual([401, 'AUTH_TOTP_REQUIRED']);
    expect([wrongPassword.status, wrongPassword.body.code]).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);
    expect([replayed.status, replayed.body.code]).toEqual([401, 'AUTH_TOTP_INVALID']);
    expect(fresh.status).toBe(200);
    expect(fresh.body.user.roles).toEqual(['auditor']);
    expect([again.status, again.body.code]).toEqual([401, 'AUTH_TOTP_INVALID']);
    expect((await server.call('GET', '/api/audit/verify', { token: fresh.body.accessToken })).status).toBe(200);
    // an active factor is not enrolled again (the security admin resets it)
    const twice = await server.call('POST', '/api/auth/totp/enroll', { token: fresh.body.accessToken });
    expect([twice.status, twice.body.code]).toEqual([409, 'TOTP_ALREADY_ACTIVE']);

    // a recovery code works once, typed in any case
    const recovered = await signIn('auditor', recoveryCodes[0].toUpperCase());
    const reused = await signIn('auditor', recoveryCodes[0]);
    expect(recovered.status).toBe(200);
    expect([reused.status, reused.body.code]).toEqual([401, 'AUTH_TOTP_INVALID']);

    // (from here on the test server signs the auditor in with what this test learnt)
    server.factors.set('auditor', { secret, lastStep: step + 1, recoveryCodes: recoveryCodes.slice(1) });
    // and the audit trail has the enrolment, the activation and the failures with their reasons
    const events = await eventsOf('auditor');
    const stages = events.filter((e) => e.eventType === 'auth.totp.enroll').map((e) => e.details.stage);
    expect(stages.sort()).toEqual(['activated', 'secret_issued']);
    const reasons = events.filter((e) => e.eventType === 'auth.totp.failure').map((e) => e.details.reason);
    expect(reasons).toEqual(expect.arrayContaining(['code_reused', 'wrong_recovery_code']));
    // a sign-in that sends the password first and the code when asked is no failure of the factor
    expect(reasons).not.toContain('code_missing');
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it('should give an admin without a factor no admin rights, only enrolment', async () => {
    // given the workflow admin's first sign-in
    const first = await signIn('admin');
    expect(first.body.enrolmentRequired).toBe(true);
    const token = first.body.accessToken;
    // when it calls admin routes, or anything else
    const deploy = await server.call('POST', '/api/definitions', { token, raw: singleTask('enrolOnly'), contentType: 'application/xml' });
    const list = await server.call('GET', '/api/definitions', { token });
    const me = await server.call('GET', '/api/auth/me', { token });
    const logout = await server.call('POST', '/api/auth/logout', { token });
    // then: refused, with the code that says what to do
    for (const r of [deploy, list, me, logout]) expect([r.status, r.body.code]).toEqual([403, 'AUTH_TOTP_ENROLMENT_REQUIRED']);
    // and a wrong activation code activates nothing
    await server.call('POST', '/api/auth/totp/enroll', { token });
    const wrong = await server.call('POST', '/api/auth/totp/activate', { token, body: { code: '000000' } });
    expect([wrong.status, wrong.body.code]).toEqual([422, 'TOTP_CODE_WRONG']);
    expect((await signIn('admin')).body.enrolmentRequired).toBe(true);
  });

  it('should count wrong codes like wrong passwords and lock the account', async () => {
    // given the workflow admin with a factor (default: 5 failures lock)
    const { secret, step } = await enrol('admin');
    // when five wrong codes are sent
    for (let i = 0; i < 5; i++) {
      const r = await signIn('admin', '123456' === totpAt(secret, step + 1) ? '654321' : '123456');
      expect(r.status).toBe(401);
    }
    // then the right code does not sign in while the lock holds
    expect((await signIn('admin', totpAt(secret, step + 1))).status).toBe(401);
    const events = await eventsOf('admin');
    expect(events.some((e) => e.eventType === 'auth.login.locked')).toBe(true);
    expect(events.filter((e) => e.eventType === 'auth.totp.failure' && e.details.reason === 'wrong_code')).toHaveLength(5);
  });

  it("should let the security admin reset someone else's factor, ending their sessions", async () => {
    // given a plain user who enrolled of their own accord, signed in twice
    const plain = await signIn('staff');
    expect(plain.body.user.username).toBe('staff');
    const token = plain.body.accessToken;
    const enrolled = await server.call('POST', '/api/auth/totp/enroll', { token });
    expect(enrolled.status).toBe(200);
    const step = currentStep();
    expect(
      (await server.call('POST', '/api/auth/totp/activate', { token, body: { code: totpAt(enrolled.body.secret, step) } })).status,
    ).toBe(200);
    // (their own session stays: it was a full one)
    expect((await server.call('GET', '/api/auth/me', { token })).status).toBe(200);
    expect((await signIn('staff')).body.code).toBe('AUTH_TOTP_REQUIRED');
    const second = await signIn('staff', totpAt(enrolled.body.secret, step + 1));
    expect(second.status).toBe(200);
    const staffId = await userId('staff');

    // when others than the security admin try, and the security admin resets their own
    const bySysadmin = await server.call('POST', `/api/users/${staffId}/totp-reset`, { token: sysadmin });
    const own = await server.call('POST', `/api/users/${await userId('secadmin')}/totp-reset`, { token: secadmin });
    expect([bySysadmin.status, bySysadmin.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    expect([own.status, own.body.code]).toEqual([403, 'SELF_ADMINISTRATION']);
    expect((await server.call('GET', '/api/auth/me', { token })).status).toBe(200);

    // then the security admin's reset removes the factor and ends both sessions at once
    expect((await server.call('POST', `/api/users/${staffId}/totp-reset`, { token: secadmin })).status).toBe(204);
    expect((await server.call('GET', '/api/auth/me', { token })).status).toBe(401);
    expect((await server.call('GET', '/api/auth/me', { token: second.body.accessToken })).status).toBe(401);
    const after = await signIn('staff');
    expect(after.status).toBe(200);
    expect(after.body.user.username).toBe('staff');
    const resets = (await eventsOf('secadmin')).filter((e) => e.eventType === 'auth.totp.reset');
    expect(resets).toEqual([expect.objectContaining({ targetId: staffId, details: { hadFactor: true } })]);
  });

  it('should not count a code prompt as a failure: abandoned prompts never lock the account', async () => {
    // given a plain user who enrolled of their own accord (default: 5 failures lock)
    const plain = await signIn('clerk');
    const token = plain.body.accessToken;
    const enrolled = await server.call('POST', '/api/auth/totp/enroll', { token });
    const step = currentStep();
    await server.call('POST', '/api/auth/totp/activate', { token, body: { code: totpAt(enrolled.body.secret, step) } });
    // when the right password is sent seven times and the code prompt abandoned each time
    for (let i = 0; i < 7; i++) expect((await signIn('clerk')).body.code).toBe('AUTH_TOTP_REQUIRED');
    // then the account holds no failure and is not locked: a wrong code counts one, and the right code signs in
    const [row] = await server.app.get(DataSource).query('SELECT failed_logins, locked_until FROM app_user WHERE username = ?', ['clerk']);
    expect([Number(row.failed_logins), row.locked_until]).toEqual([0, null]);
    expect((await signIn('clerk', '000000' === totpAt(enrolled.body.secret, step + 1) ? '111111' : '000000')).body.code).toBe(
      'AUTH_TOTP_INVALID',
    );
    const [after] = await server.app.get(DataSource).query('SELECT failed_logins FROM app_user WHERE username = ?', ['clerk']);
    expect(Number(after.failed_logins)).toBe(1);
    expect((await signIn('clerk', totpAt(enrolled.body.secret, step + 1))).status).toBe(200);
    server.factors.set('clerk', { secret: enrolled.body.secret, lastStep: step + 1, recoveryCodes: [] });
  });

  it('should make a session given a workflow admin role good for enrolment only', async () => {
    // given a signed-in leader
    const token = (await signIn('deputy')).body.accessToken;
    const deputyId = await userId('deputy');
    // when the security admin makes them a workflow admin
    expect(
      (await server.call('PUT', `/api/users/${deputyId}/roles`, { token: secadmin, body: { roles: ['leader', 'workflow_admin'] } })).status,
    ).toBe(200);
    // then the session no longer answers until a factor is enrolled
    const me = await server.call('GET', '/api/auth/me', { token });
    expect(me.status === 401 || me.body.code === 'AUTH_TOTP_ENROLMENT_REQUIRED').toBe(true);
    await server.call('PUT', `/api/users/${deputyId}/roles`, { token: secadmin, body: { roles: ['leader'] } });
  });

  describe('with LIUZHUAN_TOTP_LEADERS', () => {
    let leaders: TestServer;
    beforeAll(async () => {
      leaders = await TestServer.start({ LIUZHUAN_TOTP_LEADERS: 'true' });
    });
    afterAll(() => leaders.stop());

    it('should make leaders enrol when the setting is on, and only then', async () => {
      const on = await leaders.call('POST', '/api/auth/login', { body: { username: 'mayor', password: DEMO_PASSWORD } });
      const off = await signIn('mayor');
      const clerk = await leaders.call('POST', '/api/auth/login', { body: { username: 'clerk', password: DEMO_PASSWORD } });
      expect(on.body.enrolmentRequired).toBe(true);
      expect(off.body.user.username).toBe('mayor');
      expect(clerk.body.user.username).toBe('clerk');
    });
  });
});
