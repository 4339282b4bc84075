import { TestServer } from '../support/test-server';

describe('organizations and users (e2e)', () => {
  let server: TestServer;
  let sysadmin: string;
  let secadmin: string;
  let clerk: string;

  beforeAll(async () => {
    server = await TestServer.start();
    [sysadmin, secadmin, clerk] = await Promise.all([server.login('sysadmin'), server.login('secadmin'), server.login('clerk')]);
  });
  afterAll(() => server.stop());

  const orgByCode = async (code: string) =>
    (await server.call('GET', '/api/orgs', { token: clerk })).body.items.find((o: any) => o.code === code);

  it('should list the demo city as a tree with six departments and two counties', async () => {
    const r = await server.call('GET', '/api/orgs', { token: clerk });
    expect(r.status).toBe(200);
    const city = r.body.items.find((o: any) => o.parentId === null);
    expect(city.name).toBe('安康市人民政府');
    const children = r.body.items.filter((o: any) => o.parentId === city.id);
    expect(children.filter((o: any) => o.kind === 'department').map((o: any) => o.name)).toEqual(
      expect.arrayContaining([
        '安康市发展和改革委员会',
        '安康市财政局',
        '安康市住房和城乡建设局',
        '安康市公安局',
        '安康市交通运输局',
        '安康市城市管理执法局',
      ]),
    );
    expect(children.filter((o: any) => o.kind === 'county')).toHaveLength(2);
  });

  it('should list the groups by their Chinese names to any signed-in user, and to no one else', async () => {
    // when
    const r = await server.call('GET', '/api/org/groups', { token: clerk });
    const anonymous = await server.call('GET', '/api/org/groups');
    // then
    expect(r.status).toBe(200);
    expect(r.body).toEqual([
      { id: 'city-leaders', name: '市政府领导' },
      { id: 'dept-clerks', name: '各部门文书' },
      { id: 'dept-heads', name: '各部门负责人' },
      { id: 'office-clerks', name: '市政府办公室文书' },
      { id: 'office-leaders', name: '市政府办公室领导' },
    ]);
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'AUTH_REQUIRED']);
  });

  it.each([
    ['zxm', '张晓明'],
    ['zhangxiao', '张晓明'],
    ['晓明', '张晓明'],
    ['zengzhi', '曾志远'],
    ['lvcg', null],
    ['lcg', '吕成刚'],
  ])('should find users when searching %s', async (q, name) => {
    const r = await server.call('GET', `/api/users?q=${encodeURIComponent(q)}`, { token: clerk });
    expect(r.status).toBe(200);
    if (name) expect(r.body.items.map((u: any) => u.displayName)).toContain(name);
    else expect(r.body.items).toEqual([]);
  });

  it('should treat LIKE wildcards in the search as plain text', async () => {
    const r = await server.call('GET', `/api/users?q=${encodeURIComponent('%')}`, { token: clerk });
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(0);
  });

  it('should let the system admin create a user, and refuse a second user with the same username', async () => {
    // given
    const dept = await orgByCode('czj');
    const input = { username: 'czj_staff1', displayName: '吕晓红', orgId: dept.id, position: '科员' };
    // when
    const created = await server.call('POST', '/api/users', { token: sysadmin, body: input });
    // then
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      username: 'czj_staff1',
      pinyin: 'lvxiaohong',
      initials: 'lxh',
      roles: [],
      groups: [],
      enabled: true,
      mustChangePassword: true,
      initialPassword: expect.any(String),
    });
    // the initial password signs in for the change only (authority-matrix.e2e covers the change)
    const login = await server.call('POST', '/api/auth/login', {
      body: { username: 'czj_staff1', password: created.body.initialPassword },
    });
    expect(login.status).toBe(200);
    expect(login.body.passwordChangeRequired).toBe(true);
    const dup = await server.call('POST', '/api/users', { token: sysadmin, body: input });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('USERNAME_TAKEN');
  });

  it("should refuse an unknown org, and a password, group or role field (no longer the system admin's)", async () => {
    const dept = await orgByCode('czj');
    const base = { username: 'czj_staff2', displayName: '王五', orgId: dept.id };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, password: 'Gov#2026pass' }, 400, 'VALIDATION_FAILED'],
      [{ ...base, orgId: '01m8f2cfmb4d8ms8m3thz4rak0' }, 404, 'ORG_NOT_FOUND'],
      [{ ...base, groups: ['dept-clerks'] }, 400, 'VALIDATION_FAILED'],
      [{ ...base, roles: ['system_admin'] }, 400, 'VALIDATION_FAILED'],
      [{ ...base, username: '张三' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const r = await server.call('POST', '/api/users', { token: sysadmin, body });
      expect([r.status, r.body.code]).toEqual([status, code]);
    }
    const search = await server.call('GET', '/api/users?q=czj_staff2', { token: sysadmin });
    expect(search.body.total).toBe(0);
  });

  it('should keep roles with the security admin and the three admin roles apart', async () => {
    const user = (await server.call('GET', '/api/users?q=czj_clerk', { token: clerk })).body.items[0];
    // the system admin may not grant roles
    const bySysadmin = await server.call('PUT', `/api/users/${user.id}/roles`, { token: sysadmin, body: { roles: ['leader'] } });
    expect(bySysadmin.status).toBe(403);
    expect(bySysadmin.body.code).toBe('FORBIDDEN_ROLE');
    // the security admin may not create users
    const create = await server.call('POST', '/api/users', {
      token: secadmin,
      body: { username: 'x1', displayName: 'x', orgId: user.orgId },
    });
    expect(create.status).toBe(403);
    // one person cannot be two of the three admins
    const both = await server.call('PUT', `/api/users/${user.id}/roles`, { token: secadmin, body: { roles: ['system_admin', 'auditor'] } });
    expect(both.status).toBe(422);
    expect(both.body.code).toBe('ROLE_SEPARATION');
    const ok = await server.call('PUT', `/api/users/${user.id}/roles`, { token: secadmin, body: { roles: ['clerk', 'leader'] } });
    expect(ok.status).toBe(200);
    expect(ok.body.roles).toEqual(['clerk', 'leader']);
  });

  it('should let only the system admin change organizations and refuse a cycle', async () => {
    const city = await orgByCode('ankang');
    const dept = await orgByCode('fgw');
    const byClerk = await server.call('POST', '/api/orgs', {
      token: clerk,
      body: { parentId: city.id, code: 'tjj', name: '安康市统计局', kind: 'department' },
    });
    expect(byClerk.status).toBe(403);
    const created = await server.call('POST', '/api/orgs', {
      token: sysadmin,
      body: { parentId: city.id, code: 'tjj', name: '安康市统计局', kind: 'department' },
    });
    expect(created.status).toBe(201);
    const taken = await server.call('POST', '/api/orgs', {
      token: sysadmin,
      body: { parentId: city.id, code: 'tjj', name: '重复', kind: 'department' },
    });
    expect(taken.body.code).toBe('ORG_CODE_TAKEN');
    const cycle = await server.call('PATCH', `/api/orgs/${city.id}`, { token: sysadmin, body: { parentId: dept.id } });
    expect(cycle.status).toBe(422);
    expect(cycle.body.code).toBe('ORG_PARENT_CYCLE');
  });

  it('should answer 400 for malformed ids and SQL metacharacters without touching data', async () => {
    const bad = await server.call('GET', `/api/users/${encodeURIComponent("1' OR '1'='1")}`, { token: clerk });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const q = await server.call('GET', `/api/users?q=${encodeURIComponent("'; DROP TABLE app_user; --")}`, { token: clerk });
    expect(q.status).toBe(200);
    expect(q.body.total).toBe(0);
    const unknownParam = await server.call('GET', '/api/users?sort=password_hash', { token: clerk });
    expect(unknownParam.status).toBe(400);
    const missing = await server.call('GET', '/api/users/01m8f2cfmb4d8ms8m3thz4rak0', { token: clerk });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('USER_NOT_FOUND');
  });
});
