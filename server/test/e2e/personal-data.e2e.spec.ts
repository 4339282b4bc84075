import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { eventually } from '../support/eventually';
import { TEST_CAPTCHA_ANSWER, TEST_TARGET } from '../support/test-env';
import { TestServer } from '../support/test-server';

/**
 * Personal data at rest (issue 15, SM4): a citizen's phone and 身份证 number in 领导信箱 and a
 * user's contact data are SM4 cipher text in the database, appear in clear in no file under
 * LIUZHUAN_DATA_DIR and in no text column, and are masked in every answer but the handler's.
 */
describe('personal data at rest (e2e)', () => {
  let server: TestServer;
  let admin: string;
  const tokens: Record<string, string> = {};
  const as = async (username: string) => (tokens[username] ??= await server.login(username));

  // distinctive values: any clear copy of them anywhere is a finding
  const PHONE = '13987650123';
  const ID_NUMBER = '61090219770707461X';
  const USER_PHONE = '13700451234';
  const USER_ID_NUMBER = '110105194912310029';
  const SECRETS = [PHONE, ID_NUMBER, USER_PHONE, USER_ID_NUMBER];

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.login('admin');
  });
  afterAll(() => server.stop());

  const write = async (extra: Record<string, unknown> = {}) => {
    const captcha = (await server.call('GET', '/api/public/captcha')).body;
    return server.call('POST', '/api/public/letters', {
      body: {
        category: 'help',
        subject: '求助：独居老人用水',
        content: '家中老人独居，自来水管破裂，请帮助联系维修。',
        name: '周桂芳',
        phone: PHONE,
        idNumber: ID_NUMBER,
        captchaId: captcha.id,
        captchaAnswer: TEST_CAPTCHA_ANSWER,
        ...extra,
      },
    });
  };
  const openTask = async (instanceId: string, elementId: string) =>
    eventually(async () => {
      const r = await server.call('GET', `/api/tasks?instanceId=${instanceId}`, { token: admin });
      return r.body.items.find((t: any) => t.elementId === elementId && t.status === 'open');
    });
  const act = async (username: string, instanceId: string, elementId: string, variables: Record<string, unknown> = {}) => {
    const task = await openTask(instanceId, elementId);
    const token = await as(username);
    if (!task.assignee) expect((await server.call('POST', `/api/tasks/${task.id}/claim`, { token })).status).toBe(200);
    expect((await server.call('POST', `/api/tasks/${task.id}/complete`, { token, body: { variables } })).status).toBe(200);
  };
  // the office's clerk lists letters (the workflow admin has no part in them: docs/security.md)
  const newest = async () => (await server.call('GET', '/api/letters?limit=1', { token: await as('clerk') })).body.items[0];

  /** Every file under the data dir, with the secrets found in it as bytes. */
  const filesWithSecrets = (dir: string): string[] => {
    const found: string[] = [];
    const visit = (d: string) => {
      for (const name of readdirSync(d)) {
        const path = join(d, name);
        if (statSync(path).isDirectory()) visit(path);
        else {
          const bytes = readFileSync(path);
          for (const s of SECRETS) if (bytes.includes(Buffer.from(s, 'utf8'))) found.push(`${path}: ${s}`);
        }
      }
    };
    visit(dir);
    return found;
  };

  /** MariaDB: every character column of every table of the test database, searched for the secrets. */
  const columnsWithSecrets = async (): Promise<string[]> => {
    const ds = server.app.get(DataSource);
    const columns: { t: string; c: string }[] = await ds.query(
      `SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.COLUMNS
       WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE IN ('char', 'varchar', 'text', 'mediumtext', 'longtext', 'tinytext', 'json', 'blob', 'longblob', 'mediumblob')`,
    );
    expect(columns.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const { t, c } of columns) {
      for (const s of SECRETS) {
        const [{ n }] = await ds.query(`SELECT COUNT(*) AS n FROM \`${t}\` WHERE CAST(\`${c}\` AS CHAR) LIKE ?`, [`%${s}%`]);
        if (Number(n) > 0) found.push(`${t}.${c}: ${s}`);
      }
    }
    return found;
  };

  it('should keep the phone and 身份证 number out of every file and column while the letter runs its course, showing them only to its handler', async () => {
    // given: a letter and a user's contact data
    expect((await write()).status).toBe(201);
    const l = await newest();
    const clerk = await server.login('clerk');
    const me = (await server.call('GET', '/api/auth/me', { token: clerk })).body;
    const set = await server.call('PUT', `/api/users/${me.id}/contact`, {
      token: clerk,
      body: { phone: USER_PHONE, idNumber: USER_ID_NUMBER },
    });
    expect(set.status).toBe(200);

    // when: the letter goes through 审查 → 承办答复 (extension, reply) → 审核 → 公开
    await act('clerk', l.instanceId, 'review', { accepted: true, department: 'zjj', handler: 'zjj_clerk' });
    const zjj = await as('zjj_clerk');
    const asHandler = await server.call('GET', `/api/letters/${l.id}`, { token: zjj });
    await server.call('POST', `/api/letters/${l.id}/extensions`, { token: zjj, body: { workdays: 2, reason: '需上门核实' } });
    await server.call('POST', `/api/letters/${l.id}/reply`, { token: zjj, body: { text: '已安排维修人员上门。' } });
    await act('head', l.instanceId, 'audit', { replyApproved: true });
    expect((await server.call('POST', `/api/letters/${l.id}/publish`, { token: await as('clerk'), body: {} })).status).toBe(200);

    // then: the handler saw them in clear, the office masked, the workflow admin nothing
    expect(asHandler.body).toMatchObject({ phone: PHONE, idNumber: ID_NUMBER });
    expect((await server.call('GET', `/api/letters/${l.id}`, { token: admin })).status).toBe(404);
    for (const token of [await as('clerk'), zjj]) {
      expect((await server.call('GET', `/api/letters/${l.id}`, { token })).body).toMatchObject({
        phone: '139****0123',
        idNumber: '6109**********461X',
      });
    }
    // the process variables hold the letter id, never the writer's data
    const instance = await server.call('GET', `/api/instances/${l.instanceId}`, { token: admin });
    expect(JSON.stringify(instance.body)).not.toContain(PHONE);
    // the user sees their own contact data, the system admin masked, a colleague nothing
    expect(set.body).toEqual({ userId: me.id, phone: USER_PHONE, idNumber: USER_ID_NUMBER, masked: false });
    const bySysadmin = await server.call('GET', `/api/users/${me.id}/contact`, { token: await as('sysadmin') });
    expect(bySysadmin.body).toEqual({ userId: me.id, phone: '137****1234', idNumber: '1101**********0029', masked: true });
    const byColleague = await server.call('GET', `/api/users/${me.id}/contact`, { token: await as('staff') });
    expect([byColleague.status, byColleague.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const colleagueWrites = await server.call('PUT', `/api/users/${me.id}/contact`, {
      token: await as('staff'),
      body: { phone: '13800000000' },
    });
    expect([colleagueWrites.status, colleagueWrites.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    expect((await server.call('GET', `/api/users/${me.id}/contact`, { token: clerk })).body.phone).toBe(USER_PHONE);

    // and: in clear in no file under the data dir (database, WAL, key file, attachments) …
    expect(filesWithSecrets(server.env.config.dataDir)).toEqual([]);
    // … nor in any column (MariaDB: every text column of every table)
    if (TEST_TARGET === 'production') expect(await columnsWithSecrets()).toEqual([]);
    // the stored form names its key
    const [row] = await server.app.get(DataSource).query('SELECT phone_cipher, phone_index FROM letter WHERE id = ?', [l.id]);
    expect(row.phone_cipher).toMatch(/^k1:[A-Za-z0-9+/=]+$/);
    expect(row.phone_index).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should seal letters stored in clear before the upgrade at the next start', async () => {
    // given: a row as it was before SM4 (the clear number in the column, no blind index)
    const ds = server.app.get(DataSource);
    const [template] = await ds.query('SELECT * FROM letter LIMIT 1');
    const id = `01${randomBytes(12).toString('hex')}`.slice(0, 26);
    const clear = { ...template, id, instance_id: id, query_code_digest: id, phone_cipher: PHONE, id_number_cipher: ID_NUMBER };
    clear.phone_index = null;
    clear.id_number_index = null;
    const names = Object.keys(clear);
    await ds.query(`INSERT INTO letter (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, Object.values(clear));
    // when: the server starts again on the same database
    await server.stopApp();
    server = await TestServer.startOn(server.env);
    // then: the row is sealed, and nothing of it is left in clear in the data dir or the tables
    const [row] = await server.app
      .get(DataSource)
      .query('SELECT phone_cipher, id_number_cipher, phone_index FROM letter WHERE id = ?', [id]);
    expect(row.phone_cipher).toMatch(/^k1:/);
    expect(row.id_number_cipher).toMatch(/^k1:/);
    expect(row.phone_index).toMatch(/^[0-9a-f]{64}$/);
    expect(filesWithSecrets(server.env.config.dataDir)).toEqual([]);
    if (TEST_TARGET === 'production') expect(await columnsWithSecrets()).toEqual([]);
  });

  it('should read letters sealed under a retired key after a rotation, sealing new ones under the new key', async () => {
    // given: the key the letters above were sealed with (the embedded key file, or the configured key)
    const old = server.env.config.dataKeys.current ?? readFileSync(server.env.config.dataKeys.file as string, 'utf8').trim();
    const before = await newest();
    // when: the server starts with a new current key, the old one kept for decryption
    await server.stopApp();
    const rotated = `k2:${randomBytes(16).toString('hex')}`;
    server = await TestServer.startOn(server.env, { dataKeys: { current: rotated, file: null, old: [old] } });
    for (const k of Object.keys(tokens)) delete tokens[k];
    admin = await server.login('admin');
    const written = await write({ phone: '13511112222' });
    // then
    expect(written.status).toBe(201);
    expect((await server.call('GET', `/api/letters/${before.id}`, { token: await as('clerk') })).body.phone).toBe(before.phone);
    const latest = await newest();
    expect(latest.phone).toBe('135****2222');
    const [row] = await server.app.get(DataSource).query('SELECT phone_cipher FROM letter WHERE id = ?', [latest.id]);
    expect(row.phone_cipher).toMatch(/^k2:/);
  });

  if (TEST_TARGET === 'embedded') {
    it('should create the embedded key file under the data dir, readable by its owner only', () => {
      const file = join(server.env.config.dataDir, 'keys', 'data.key');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toMatch(/^k1:[0-9a-f]{32}\n$/);
    });
  }
});
