import { singleTask } from '../support/bpmn-fixtures';
import { eventually } from '../support/eventually';
import { CHANGED_PASSWORD, newAccount } from '../support/new-account';
import { type ApiResponse, DEMO_PASSWORD, TestServer } from '../support/test-server';

/**
 * 三员分立 as docs/security.md states it: every cell of the matrix (each administrator, the
 * workflow admin and a plain user against each administrative action), then the rules about
 * whom: nobody administers themselves, the last holder of an admin role stays, a reset ends
 * every session and forces a change, a new account's password is shown once, 代理 only by the
 * principal or the security admin, to an eligible deputy.
 */
describe('三员分立: the authority matrix (e2e)', () => {
  let server: TestServer;
  const ACTORS = ['sysadmin', 'secadmin', 'auditor', 'admin', 'staff'] as const;
  type Actor = (typeof ACTORS)[number];
  const t = {} as Record<Actor | 'head' | 'mayor' | 'clerk', string>;
  let target: any;
  let targetToken: string;
  let targetPassword = CHANGED_PASSWORD;
  const orgs: Record<string, any> = {};
  const HOUR = 3600_000;
  const window = () => ({ from: new Date(Date.now() - HOUR).toISOString(), to: new Date(Date.now() + 48 * HOUR).toISOString() });

  const userNamed = async (username: string) =>
    (await server.call('GET', `/api/users?q=${username}`, { token: t.staff })).body.items.find((u: any) => u.username === username);
  const userById = async (id: string) => (await server.call('GET', `/api/users/${id}`, { token: t.staff })).body;

  beforeAll(async () => {
    server = await TestServer.start();
    for (const u of [...ACTORS, 'head', 'mayor', 'clerk'] as const) t[u] = await server.login(u);
    for (const o of (await server.call('GET', '/api/orgs', { token: t.staff })).body.items) orgs[o.code] = o;
    // the target of every action: a 文书 of 市财政局, made as people are made
    ({ user: target, token: targetToken } = await newAccount(server, t.sysadmin, {
      username: 'm_target',
      displayName: '马目标',
      orgId: orgs.czj.id,
      position: '文书',
    }));
    expect((await server.call('PUT', `/api/users/${target.id}/roles`, { token: t.secadmin, body: { roles: ['clerk'] } })).status).toBe(200);
    expect(
      (await server.call('PUT', `/api/users/${target.id}/groups`, { token: t.secadmin, body: { groups: ['dept-clerks'] } })).status,
    ).toBe(200);
  });
  afterAll(() => server.stop());

  interface Action {
    name: string;
    allowed: Actor[];
    /** the state the action changes, read before and after a refusal */
    state: () => Promise<unknown>;
    act: (actor: Actor) => Promise<ApiResponse>;
    /** puts things back after an allowed run, so every cell starts alike */
    undo?: (actor: Actor) => Promise<void>;
    /** runs before the state is read */
    setup?: () => Promise<void>;
    /** runs after every cell, allowed or not */
    cleanup?: () => Promise<void>;
    /** the code of a refusal (default: the role check's) */
    refusal?: string;
  }

  const ACTIONS: Action[] = [
    {
      name: 'create a user',
      allowed: ['sysadmin'],
      state: async () => (await server.call('GET', '/api/users?q=m_new_', { token: t.staff })).body.total,
      act: (a) =>
        server.call('POST', '/api/users', { token: t[a], body: { username: `m_new_${a}`, displayName: '新用户', orgId: orgs.czj.id } }),
    },
    {
      name: "change a user's name, organization, position",
      allowed: ['sysadmin'],
      state: async () => (await userById(target.id)).position,
      act: (a) => server.call('PATCH', `/api/users/${target.id}`, { token: t[a], body: { position: `岗位${a}` } }),
      undo: async () => {
        await server.call('PATCH', `/api/users/${target.id}`, { token: t.sysadmin, body: { position: '文书' } });
      },
    },
    {
      name: 'disable a user',
      allowed: ['sysadmin'],
      state: async () => (await userById(target.id)).enabled,
      act: (a) => server.call('POST', `/api/users/${target.id}/disable`, { token: t[a] }),
      undo: async () => {
        await server.call('POST', `/api/users/${target.id}/enable`, { token: t.sysadmin });
      },
    },
    {
      name: 'enable a user',
      allowed: ['sysadmin'],
      state: async () => (await userById(target.id)).enabled,
      setup: async () => {
        await server.call('POST', `/api/users/${target.id}/disable`, { token: t.sysadmin });
      },
      act: (a) => server.call('POST', `/api/users/${target.id}/enable`, { token: t[a] }),
      cleanup: async () => {
        await server.call('POST', `/api/users/${target.id}/enable`, { token: t.sysadmin });
      },
    },
    {
      name: 'create an organization',
      allowed: ['sysadmin'],
      state: async () => (await server.call('GET', '/api/orgs', { token: t.staff })).body.items.length,
      act: (a) =>
        server.call('POST', '/api/orgs', {
          token: t[a],
          body: { parentId: orgs.ankang.id, code: `m-${a}`, name: `测试局${a}`, kind: 'department' },
        }),
    },
    {
      name: 'change an organization',
      allowed: ['sysadmin'],
      state: async () => (await server.call('GET', `/api/orgs/${orgs.czj.id}`, { token: t.staff })).body.shortName,
      act: (a) => server.call('PATCH', `/api/orgs/${orgs.czj.id}`, { token: t[a], body: { shortName: `财政${a}` } }),
      undo: async () => {
        await server.call('PATCH', `/api/orgs/${orgs.czj.id}`, { token: t.sysadmin, body: { shortName: '市财政局' } });
      },
    },
    {
      name: 'set a day of the calendar',
      allowed: ['sysadmin'],
      state: async () => (await server.call('GET', '/api/calendar?year=2026', { token: t.staff })).body,
      act: (a) => server.call('PUT', '/api/calendar/days/2026-09-09', { token: t[a], body: { kind: 'holiday', name: '测试日' } }),
      undo: async () => {
        await server.call('DELETE', '/api/calendar/days/2026-09-09', { token: t.sysadmin });
      },
    },
    {
      name: "set a user's roles",
      allowed: ['secadmin'],
      state: async () => (await userById(target.id)).roles,
      act: (a) => server.call('PUT', `/api/users/${target.id}/roles`, { token: t[a], body: { roles: ['clerk', 'leader'] } }),
      undo: async () => {
        await server.call('PUT', `/api/users/${target.id}/roles`, { token: t.secadmin, body: { roles: ['clerk'] } });
      },
    },
    {
      name: "set a user's groups",
      allowed: ['secadmin'],
      state: async () => (await userById(target.id)).groups,
      act: (a) => server.call('PUT', `/api/users/${target.id}/groups`, { token: t[a], body: { groups: ['dept-clerks', 'dept-heads'] } }),
      undo: async () => {
        await server.call('PUT', `/api/users/${target.id}/groups`, { token: t.secadmin, body: { groups: ['dept-clerks'] } });
      },
    },
    {
      name: "reset a user's password",
      allowed: ['secadmin'],
      // the flag, and whether the target's session still answers: a refused reset ends nothing
      state: async () => [
        (await userById(target.id)).mustChangePassword,
        (await server.call('GET', '/api/auth/me', { token: targetToken })).status,
      ],
      act: (a) => server.call('POST', `/api/users/${target.id}/password-reset`, { token: t[a] }),
      undo: async () => {
        const reset = await server.call('POST', `/api/users/${target.id}/password-reset`, { token: t.secadmin });
        const temp = reset.body.temporaryPassword;
        const first = await server.call('POST', '/api/auth/login', { body: { username: 'm_target', password: temp } });
        targetPassword = targetPassword === CHANGED_PASSWORD ? 'Zhong#Xin2027' : CHANGED_PASSWORD;
        await server.call('POST', '/api/auth/password', { token: first.body.accessToken, body: { current: temp, next: targetPassword } });
        targetToken = await server.login('m_target', targetPassword);
      },
    },
    {
      name: "set someone else's 代理",
      allowed: ['secadmin'],
      state: async () => (await server.call('GET', '/api/proxies/mine', { token: t.mayor })).body.items,
      refusal: 'OPERATION_NOT_ALLOWED',
      act: (a) =>
        server.call('POST', '/api/proxies', { token: t[a], body: { principal: 'mayor', deputy: 'deputy', reason: '出差', ...window() } }),
      undo: async () => {
        await server.call('DELETE', '/api/proxies/mine', { token: t.mayor });
      },
    },
    {
      name: 'deploy a process (the workflow admin)',
      allowed: ['admin'],
      state: async () => (await server.call('GET', '/api/definitions?key=mMatrix', { token: t.admin })).body,
      act: (a) => server.call('POST', '/api/definitions', { token: t[a], raw: singleTask('mMatrix'), contentType: 'application/xml' }),
    },
  ];

  const cells = ACTIONS.flatMap((action) => ACTORS.map((actor) => [action.name, actor, action.allowed.includes(actor)] as const));

  it.each(cells)('%s: %s → %s', async (name, actor, allowed) => {
    const action = ACTIONS.find((a) => a.name === name)!;
    await action.setup?.();
    const before = await action.state();
    const r = await action.act(actor);
    if (allowed) {
      expect(r.status).toBeGreaterThanOrEqual(200);
      expect(r.status).toBeLessThan(300);
      await action.undo?.(actor);
    } else {
      expect([r.status, r.body.code]).toEqual([403, action.refusal ?? 'FORBIDDEN_ROLE']);
      expect(await action.state()).toEqual(before);
    }
    await action.cleanup?.();
  });

  describe('nobody administers themselves', () => {
    it('should refuse the security admin their own roles, groups and password reset, with nothing changed', async () => {
      const me = await userNamed('secadmin');
      const cases = [
        await server.call('PUT', `/api/users/${me.id}/roles`, { token: t.secadmin, body: { roles: ['security_admin', 'leader'] } }),
        await server.call('PUT', `/api/users/${me.id}/roles`, { token: t.secadmin, body: { roles: ['workflow_admin', 'clerk'] } }),
        await server.call('PUT', `/api/users/${me.id}/groups`, { token: t.secadmin, body: { groups: ['city-leaders'] } }),
        await server.call('POST', `/api/users/${me.id}/password-reset`, { token: t.secadmin }),
      ];
      for (const r of cases) expect([r.status, r.body.code]).toEqual([403, 'SELF_ADMINISTRATION']);
      expect(await userById(me.id)).toMatchObject({ roles: ['security_admin'], groups: [], mustChangePassword: false });
      expect((await server.call('GET', '/api/auth/me', { token: t.secadmin })).status).toBe(200);
    });

    it('should refuse the system admin disabling themselves', async () => {
      const me = await userNamed('sysadmin');
      const r = await server.call('POST', `/api/users/${me.id}/disable`, { token: t.sysadmin });
      expect([r.status, r.body.code]).toEqual([403, 'SELF_ADMINISTRATION']);
      expect((await userById(me.id)).enabled).toBe(true);
    });

    it('should refuse two of the three admin roles on one person', async () => {
      const r = await server.call('PUT', `/api/users/${target.id}/roles`, {
        token: t.secadmin,
        body: { roles: ['security_admin', 'auditor'] },
      });
      expect([r.status, r.body.code]).toEqual([422, 'ROLE_SEPARATION']);
      expect((await userById(target.id)).roles).toEqual(['clerk']);
    });
  });

  describe('the last holder of an admin role', () => {
    it('should keep the only security admin and auditor enabled, and the only system admin its role', async () => {
      const [sec, aud, sys] = [await userNamed('secadmin'), await userNamed('auditor'), await userNamed('sysadmin')];
      for (const who of [sec, aud]) {
        const r = await server.call('POST', `/api/users/${who.id}/disable`, { token: t.sysadmin });
        expect([r.status, r.body.code]).toEqual([409, 'LAST_ADMIN']);
        expect((await userById(who.id)).enabled).toBe(true);
      }
      const strip = await server.call('PUT', `/api/users/${sys.id}/roles`, { token: t.secadmin, body: { roles: [] } });
      expect([strip.status, strip.body.code]).toEqual([409, 'LAST_ADMIN']);
      expect((await userById(sys.id)).roles).toEqual(['system_admin']);
    });

    it('should let a holder go once another enabled one exists', async () => {
      // given a second auditor
      expect((await server.call('PUT', `/api/users/${target.id}/roles`, { token: t.secadmin, body: { roles: ['auditor'] } })).status).toBe(
        200,
      );
      const aud = await userNamed('auditor');
      // when / then: either may be disabled, not both
      expect((await server.call('POST', `/api/users/${target.id}/disable`, { token: t.sysadmin })).status).toBe(200);
      const last = await server.call('POST', `/api/users/${aud.id}/disable`, { token: t.sysadmin });
      expect([last.status, last.body.code]).toEqual([409, 'LAST_ADMIN']);
      expect((await server.call('POST', `/api/users/${target.id}/enable`, { token: t.sysadmin })).status).toBe(200);
      expect((await server.call('PUT', `/api/users/${target.id}/roles`, { token: t.secadmin, body: { roles: ['clerk'] } })).status).toBe(
        200,
      );
    });
  });

  describe('passwords', () => {
    it('should show a new account its initial password once, and force a change before anything else', async () => {
      // given
      const created = await server.call('POST', '/api/users', {
        token: t.sysadmin,
        body: { username: 'm_fresh', displayName: '新同事', orgId: orgs.czj.id },
      });
      expect(created.status).toBe(201);
      const initial = created.body.initialPassword;
      expect(initial).toMatch(/^.{16}$/);
      // then it is never shown again
      expect((await userById(created.body.id)).initialPassword).toBeUndefined();
      expect(JSON.stringify((await server.call('GET', '/api/users?q=m_fresh', { token: t.sysadmin })).body)).not.toContain(initial);
      // when the person signs in with it
      const first = await server.call('POST', '/api/auth/login', { body: { username: 'm_fresh', password: initial } });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ passwordChangeRequired: true, accessToken: expect.any(String), expiresAt: expect.any(String) });
      // then the token is good for the change only
      const token = first.body.accessToken;
      for (const [method, path] of [
        ['GET', '/api/auth/me'],
        ['GET', '/api/tasks?assignee=me'],
        ['GET', '/api/users'],
        ['POST', '/api/auth/logout'],
      ]) {
        const r = await server.call(method, path, { token });
        expect([path, r.status, r.body.code]).toEqual([path, 403, 'AUTH_PASSWORD_CHANGE_REQUIRED']);
      }
      // and the new password follows the rule
      const tries: [Record<string, string>, number, string][] = [
        [{ current: 'Wrong#Pass2026', next: 'Gut#Neues2026' }, 422, 'AUTH_CURRENT_PASSWORD_WRONG'],
        [{ current: initial, next: initial }, 422, 'PASSWORD_UNCHANGED'],
        [{ current: initial, next: 'Short#1a' }, 422, 'PASSWORD_TOO_WEAK'],
        [{ current: initial, next: 'alllowercase2026' }, 422, 'PASSWORD_TOO_WEAK'],
        [{ current: initial, next: 'X#m_fresh2026' }, 422, 'PASSWORD_TOO_WEAK'],
      ];
      for (const [body, status, code] of tries) {
        const r = await server.call('POST', '/api/auth/password', { token, body });
        expect([r.status, r.body.code]).toEqual([status, code]);
      }
      const changed = await server.call('POST', '/api/auth/password', { token, body: { current: initial, next: 'Gut#Neues2026' } });
      expect(changed.status).toBe(204);
      // then the change-only session is over, the initial password no longer works, the new one signs in normally
      expect(
        (await server.call('POST', '/api/auth/password', { token, body: { current: 'Gut#Neues2026', next: 'Gut#Neues2027' } })).status,
      ).toBe(401);
      expect((await server.call('POST', '/api/auth/login', { body: { username: 'm_fresh', password: initial } })).status).toBe(401);
      const normal = await server.call('POST', '/api/auth/login', { body: { username: 'm_fresh', password: 'Gut#Neues2026' } });
      expect(normal.status).toBe(200);
      expect(normal.body.user.username).toBe('m_fresh');
      expect(normal.body.passwordChangeRequired).toBeUndefined();
      expect((await server.call('GET', '/api/auth/me', { token: normal.body.accessToken })).status).toBe(200);
      expect((await userById(created.body.id)).mustChangePassword).toBe(false);
    });

    it('should end every session of the user at a reset, within 2 s, and force a change', async () => {
      // given two open sessions of the target, one of them just read (and cached); the matrix above
      // changed the target's roles and disabled it, which ended its earlier sessions
      targetToken = await server.login('m_target', targetPassword);
      const other = await server.login('m_target', targetPassword);
      expect((await server.call('GET', '/api/auth/me', { token: targetToken })).status).toBe(200);
      // when
      const reset = await server.call('POST', `/api/users/${target.id}/password-reset`, { token: t.secadmin });
      // then
      expect(reset.status).toBe(200);
      expect(Object.keys(reset.body)).toEqual(['temporaryPassword']);
      const started = Date.now();
      for (const token of [targetToken, other]) {
        await eventually(async () => (await server.call('GET', '/api/auth/me', { token })).status === 401, 2_000);
      }
      expect(Date.now() - started).toBeLessThan(2_000);
      expect((await server.call('POST', '/api/auth/login', { body: { username: 'm_target', password: targetPassword } })).status).toBe(401);
      const first = await server.call('POST', '/api/auth/login', {
        body: { username: 'm_target', password: reset.body.temporaryPassword },
      });
      expect(first.body.passwordChangeRequired).toBe(true);
      expect((await server.call('GET', '/api/auth/me', { token: first.body.accessToken })).body.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
      targetPassword = 'Reset#Done2026';
      const change = await server.call('POST', '/api/auth/password', {
        token: first.body.accessToken,
        body: { current: reset.body.temporaryPassword, next: targetPassword },
      });
      expect(change.status).toBe(204);
      targetToken = await server.login('m_target', targetPassword);
    });

    it('should let a user change their own password, ending their other sessions but not this one', async () => {
      const other = await server.login('m_target', targetPassword);
      const r = await server.call('POST', '/api/auth/password', {
        token: targetToken,
        body: { current: targetPassword, next: 'Eigen#Wahl2026' },
      });
      expect(r.status).toBe(204);
      targetPassword = 'Eigen#Wahl2026';
      expect((await server.call('GET', '/api/auth/me', { token: targetToken })).status).toBe(200);
      expect((await server.call('GET', '/api/auth/me', { token: other })).status).toBe(401);
    });

    it('should keep the demo password working for the demo users (no forced change)', async () => {
      const r = await server.call('POST', '/api/auth/login', { body: { username: 'clerk', password: DEMO_PASSWORD } });
      expect(r.body.user.username).toBe('clerk');
      expect(r.body.passwordChangeRequired).toBeUndefined();
    });
  });

  describe('代理', () => {
    afterEach(async () => {
      for (const u of ['head', 'mayor'] as const) await server.call('DELETE', '/api/proxies/mine', { token: t[u] });
    });
    const mayorsProxies = async () => (await server.call('GET', '/api/proxies/mine', { token: t.mayor })).body.items;

    it("should refuse the system admin appointing himself the mayor's 代理", async () => {
      const r = await server.call('POST', '/api/proxies', {
        token: t.sysadmin,
        body: { principal: 'mayor', deputy: 'sysadmin', ...window() },
      });
      expect([r.status, r.body.code]).toEqual([403, 'OPERATION_NOT_ALLOWED']);
      expect(await mayorsProxies()).toEqual([]);
    });

    it('should refuse the security admin without a reason, or naming themselves', async () => {
      const noReason = await server.call('POST', '/api/proxies', {
        token: t.secadmin,
        body: { principal: 'mayor', deputy: 'deputy', ...window() },
      });
      expect([noReason.status, noReason.body.code]).toEqual([422, 'PROXY_REASON_REQUIRED']);
      const blank = await server.call('POST', '/api/proxies', {
        token: t.secadmin,
        body: { principal: 'mayor', deputy: 'deputy', reason: '  ', ...window() },
      });
      expect([blank.status, blank.body.code]).toEqual([422, 'PROXY_REASON_REQUIRED']);
      const self = await server.call('POST', '/api/proxies', {
        token: t.secadmin,
        body: { principal: 'mayor', deputy: 'secadmin', reason: '出差', ...window() },
      });
      expect([self.status, self.body.code]).toEqual([403, 'PROXY_SELF_APPOINTMENT']);
      expect(await mayorsProxies()).toEqual([]);
    });

    it('should refuse a plain user setting one for someone else', async () => {
      const r = await server.call('POST', '/api/proxies', {
        token: t.clerk,
        body: { principal: 'mayor', deputy: 'clerk', reason: 'x', ...window() },
      });
      expect([r.status, r.body.code]).toEqual([403, 'OPERATION_NOT_ALLOWED']);
      expect(await mayorsProxies()).toEqual([]);
    });

    it.each([
      ['head', 'staff', 'PROXY_DEPUTY_LACKS_ROLE', 'the same office, but no leader'],
      ['head', 'fgw_head', 'PROXY_DEPUTY_OUTSIDE_ORG', 'a leader of a sibling department'],
      ['mayor', 'head', 'PROXY_DEPUTY_OUTSIDE_ORG', 'a leader of an organization below'],
    ])('should refuse %s naming %s (%s: %s)', async (principal, deputy, code) => {
      const r = await server.call('POST', '/api/proxies', { token: t[principal as 'head' | 'mayor'], body: { deputy, ...window() } });
      expect([r.status, r.body.code]).toEqual([422, code]);
      expect((await server.call('GET', '/api/proxies/mine', { token: t[principal as 'head' | 'mayor'] })).body.items).toEqual([]);
    });

    it('should let a principal name an eligible deputy: a leader of the organization above', async () => {
      const r = await server.call('POST', '/api/proxies', { token: t.head, body: { deputy: 'mayor', ...window() } });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ principal: 'head', deputy: 'mayor', createdBy: 'head', reason: null });
    });
  });
});
