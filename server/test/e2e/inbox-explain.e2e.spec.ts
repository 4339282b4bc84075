import { DataSource } from 'typeorm';
import { bpmn } from '../support/bpmn-fixtures';
import { TestServer } from '../support/test-server';

/**
 * The inbox query with its display joins (instance, 公文, 收文 registration, organization) still
 * reads the task table by ix_task_assignee (assignee, status, due_at): the database's plan of the
 * statement GET /api/tasks?assignee=me&status=open sends (EXPLAIN on MariaDB/MySQL, EXPLAIN QUERY PLAN on SQLite).
 */
describe('inbox: the query plan of 我的待办 (e2e)', () => {
  let server: TestServer;
  let staff: string;

  beforeAll(async () => {
    server = await TestServer.start();
    const admin = await server.login('admin');
    staff = await server.login('staff');
    const xml = bpmn(`<process id="explainOne" isExecutable="true">
      <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="a"/>
      <userTask id="a" name="办理" camunda:assignee="\${who}"/><sequenceFlow id="f2" sourceRef="a" targetRef="end"/>
      <endEvent id="end"/></process>`);
    expect((await server.call('POST', '/api/definitions', { token: admin, raw: xml, contentType: 'application/xml' })).status).toBe(201);
    // mostly other users' tasks, as in a real office, so that the index is worth using
    const who = ['clerk', 'head', 'deputy', 'admin'];
    for (let i = 0; i < 60; i++) {
      const r = await server.call('POST', '/api/instances', {
        token: staff,
        body: { definitionKey: 'explainOne', businessKey: `E-${i}`, variables: { who: i % 20 === 0 ? 'staff' : who[i % 4] } },
      });
      expect(r.status).toBe(201);
    }
    // and 公文 of other instances (drafts: each starts its own process)
    const clerk = await server.login('clerk');
    for (let i = 0; i < 30; i++) {
      const r = await server.call('POST', '/api/documents', {
        token: clerk,
        body: {
          direction: 'outgoing',
          docType: 'GW08',
          title: `关于第${i}次安全检查的通知`,
          issuer: '安康市人民政府',
          mainRecipients: ['市政府各部门'],
        },
      });
      expect(r.status).toBe(201);
    }
    const dataSource = server.app.get(DataSource);
    if (['mysql', 'mariadb'].includes(dataSource.options.type))
      await dataSource.query('ANALYZE TABLE task, official_document, process_instance');
  });
  afterAll(() => server.stop());

  /** The statements (and parameters) sent while `work` runs. */
  const capture = async (work: () => Promise<unknown>): Promise<{ sql: string; params: unknown[] }[]> => {
    const dataSource = server.app.get(DataSource);
    const runner = dataSource.createQueryRunner();
    const proto = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
    await runner.release();
    const original = proto.query;
    const statements: { sql: string; params: unknown[] }[] = [];
    proto.query = function (this: unknown, ...args: unknown[]) {
      statements.push({ sql: String(args[0]), params: (args[1] as unknown[]) ?? [] });
      return original.apply(this, args);
    };
    try {
      await work();
      return statements;
    } finally {
      proto.query = original;
    }
  };

  it.each(['', '&sort=due', '&q=E-1'])('should read my open tasks by ix_task_assignee with the display joins (%s)', async (extra) => {
    const statements = await capture(() => server.call('GET', `/api/tasks?assignee=me&status=open${extra}`, { token: staff }));
    const list = statements.find((s) => /FROM [`"]task[`"] [`"]?t[`"]? /i.test(s.sql) && /official_document/i.test(s.sql));
    expect(list).toBeDefined();
    const dataSource = server.app.get(DataSource);
    const sqlite = !['mysql', 'mariadb'].includes(dataSource.options.type);
    const plan = (await dataSource.query(`${sqlite ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'} ${list!.sql}`, list!.params)) as Record<
      string,
      unknown
    >[];
    if (sqlite) {
      const task = plan.map((r) => String(r['detail'])).find((d) => /\bt\b/.test(d) && /^(SEARCH|SCAN)/.test(d));
      expect(task).toMatch(/SEARCH t USING INDEX ix_task_assignee/);
    } else {
      const task = plan.find((r) => r['table'] === 't');
      expect(task?.['key']).toBe('ix_task_assignee');
      // every joined table is read by a key: the primary keys, official_document by ix_document_instance
      // by deadline: read in the index's order (no sort), the joins by key
      if (extra === '&sort=due') expect(String(task?.['Extra'])).not.toMatch(/filesort|temporary/);
      for (const r of plan.filter((p) => p['table'] !== 't')) expect(r['key']).not.toBeNull();
    }
  });
});
