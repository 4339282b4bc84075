import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateDocumentSchema, TaskQuerySchema } from '@liuzhuan/contracts';
import type { Logger, QueryRunner } from 'typeorm';
import { DataSource } from 'typeorm';
import { AuthService } from '../../src/modules/auth/auth.service';
import { DocumentsService } from '../../src/modules/documents/documents.service';
import { InstancesService } from '../../src/modules/runtime/instances.service';
import { TasksService } from '../../src/modules/tasks/tasks.service';
import { databaseKind } from '../../src/platform/database/data-source';
import { bpmn } from '../support/bpmn-fixtures';
import { TestServer } from '../support/test-server';

/**
 * The SQL of the hot paths, as immich's `@GenerateSql` keeps it: every statement that starting an
 * instance, completing a task, the inbox and the document view send, captured on a real database
 * and compared with `server/src/queries/<path>.<dialect>.sql`, so that a reviewer reads the SQL and
 * a change to it shows in the diff. Parameters stay `?`: the files hold texts, never values.
 *
 * The statements are taken where TypeORM hands them to the driver (its query runners log every
 * statement through the data source's logger right before sending it), so whatever composes them —
 * a repository, the query builder, a batch of writes — what reaches the connection is what is kept.
 * Each path runs once to warm the caches (compiled process, definitions) and is captured the second
 * time: the steady state. The services are called directly, below authentication, whose session
 * look-up depends on a 2 s cache; jobs are not run, so that nothing else talks to the database.
 */
const UPDATE = process.env.LIUZHUAN_UPDATE_SQL === '1';
const QUERIES_DIR = join(__dirname, '../../src/queries');

/** Connection set-up sent once per pooled MySQL connection, whichever path first uses it: not a path's statement. */
const CONNECTION_SETUP = /^SET SESSION /i;

/**
 * One text as sent, laid out for reading: each statement of it (a packet may carry several on
 * MySQL) on a line of its own, broken before its main clauses, so that a diff points at the clause
 * that changed. Whitespace is not kept: re-indenting a statement in its source changes nothing.
 */
function layout(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/; /g, ';\n')
    .replace(/ (FROM|WHERE|(?:LEFT |INNER )?JOIN|ORDER BY|GROUP BY|LIMIT|VALUES|SET|ON DUPLICATE KEY UPDATE) /g, '\n  $1 ');
}

describe('SQL of the hot paths, snapshotted under server/src/queries (e2e)', () => {
  let server: TestServer;
  let dialect: 'sqlite' | 'mysql';
  let captured: string[] | null = null;
  const users: Record<string, Awaited<ReturnType<AuthService['authenticate']>>['user']> = {};

  beforeAll(async () => {
    server = await TestServer.start({ LIUZHUAN_API_RUNS_JOBS: 'false' });
    const dataSource = server.app.get(DataSource);
    dialect = databaseKind(dataSource);
    // the data source's logger, wrapped: every statement a query runner sends passes through logQuery
    const logger = dataSource.logger;
    const capturing: Logger = {
      logQuery: (query: string, parameters?: unknown[], runner?: QueryRunner) => {
        if (captured && !CONNECTION_SETUP.test(query)) captured.push(query);
        return logger.logQuery(query, parameters, runner);
      },
      logQueryError: (...a) => logger.logQueryError(...a),
      logQuerySlow: (...a) => logger.logQuerySlow(...a),
      logSchemaBuild: (...a) => logger.logSchemaBuild(...a),
      logMigration: (...a) => logger.logMigration(...a),
      log: (...a) => logger.log(...a),
    };
    Object.assign(dataSource, { logger: capturing });

    const auth = server.app.get(AuthService);
    for (const name of ['admin', 'staff', 'clerk', 'deputy']) users[name] = (await auth.authenticate(await server.login(name))).user;
    const xml = bpmn(`<process id="sqlSnapshot" isExecutable="true">
      <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="draft"/>
      <userTask id="draft" name="拟稿" camunda:assignee="\${who}"/><sequenceFlow id="f2" sourceRef="draft" targetRef="review"/>
      <userTask id="review" name="审核" camunda:candidateGroups="office"/><sequenceFlow id="f3" sourceRef="review" targetRef="end"/>
      <endEvent id="end"/></process>`);
    const token = await server.login('admin');
    expect((await server.call('POST', '/api/definitions', { token, raw: xml, contentType: 'application/xml' })).status).toBe(201);
  });
  afterAll(() => server.stop());

  /** The statements `work` sends, in order. */
  const capture = async (work: () => Promise<unknown>): Promise<string[]> => {
    captured = [];
    try {
      await work();
      return captured;
    } finally {
      captured = null;
    }
  };

  /** Compares (or, with LIUZHUAN_UPDATE_SQL=1, writes) the snapshot of one path. */
  const expectSnapshot = (path: string, title: string, sections: [string, string[]][]) => {
    const file = join(QUERIES_DIR, `${path}.${dialect}.sql`);
    const target = dialect === 'mysql' ? 'production' : 'embedded';
    const regenerate = `LIUZHUAN_UPDATE_SQL=1 LIUZHUAN_TEST_TARGET=${target} npx jest -c server/jest.config.cts server/test/e2e/sql-snapshots.e2e.spec.ts`;
    const text = [
      `-- ${title} (${dialect}): the statements it sends, in order. Generated by server/test/e2e/sql-snapshots.e2e.spec.ts; do not edit.`,
      `-- Regenerate after a deliberate change: ${regenerate}`,
      // one paragraph per text sent to the database
      ...sections.flatMap(([name, sent]) => ['', `-- ${name}`, sent.map((s) => `${layout(s)};`).join('\n\n')]),
      '',
    ].join('\n');
    if (UPDATE) {
      mkdirSync(QUERIES_DIR, { recursive: true });
      writeFileSync(file, text);
      return;
    }
    const hint = `The SQL of "${title}" differs from server/src/queries/${path}.${dialect}.sql. If the change is deliberate, regenerate the snapshot and review its diff:\n  ${regenerate}`;
    if (!existsSync(file)) throw new Error(`${hint}\n(the snapshot file does not exist yet)`);
    try {
      expect(text).toBe(readFileSync(file, 'utf8'));
    } catch (error) {
      (error as Error).message = `${hint}\n\n${(error as Error).message}`;
      throw error;
    }
  };

  const start = (i: number) =>
    server.app
      .get(InstancesService)
      .start({ definitionKey: 'sqlSnapshot', businessKey: `SQL-${i}`, variables: { who: 'staff', title: `第${i}号` } }, users.staff);
  const openTaskOf = async (instanceId: string) =>
    (await server.app.get(TasksService).list(TaskQuerySchema.parse({ instanceId, status: 'open' }), users.staff)).items[0].id;

  it('should send the SQL of its snapshot when an instance starts and a task completes', async () => {
    const started = await start(1);
    const first = await openTaskOf(started.id);
    await server.app.get(TasksService).complete(first, { opinion: '同意' }, users.staff);

    const startSql = await capture(() => start(2));
    const second = await openTaskOf((await start(3)).id);
    const completeSql = await capture(() => server.app.get(TasksService).complete(second, { opinion: '同意' }, users.staff));

    expectSnapshot('start-instance', 'POST /api/instances: start an instance (InstancesService.start)', [['start', startSql]]);
    expectSnapshot('complete-task', 'POST /api/tasks/:id/complete: complete a task (TasksService.complete)', [['complete', completeSql]]);
  });

  it('should send the SQL of its snapshot for the inbox lists', async () => {
    const tasks = server.app.get(TasksService);
    const instance = (await start(4)).id;
    const lists: [string, Record<string, unknown>][] = [
      ['我的待办 by deadline: GET /api/tasks?assignee=me&status=open&sort=due', { assignee: 'me', status: 'open', sort: 'due' }],
      [
        '待办 with the claimable ones: GET /api/tasks?assignee=me&candidate=me&status=open',
        { assignee: 'me', candidate: 'me', status: 'open' },
      ],
      ['a search: GET /api/tasks?assignee=me&status=open&q=SQL', { assignee: 'me', status: 'open', q: 'SQL' }],
      [
        'the open tasks of an instance: GET /api/tasks?instanceId=…&status=open&limit=5',
        { instanceId: instance, status: 'open', limit: 5 },
      ],
    ];
    const sections: [string, string[]][] = [];
    for (const [name, query] of lists) {
      const parsed = TaskQuerySchema.parse(query);
      await tasks.list(parsed, users.staff);
      sections.push([name, await capture(() => tasks.list(parsed, users.staff))]);
    }
    expectSnapshot('inbox', 'GET /api/tasks: the inbox (TasksService.list)', sections);
  });

  it('should send the SQL of its snapshot for the document view', async () => {
    const created = await server.app.get(DocumentsService).create(
      CreateDocumentSchema.parse({
        direction: 'incoming',
        docType: 'GW08',
        title: '关于报送2026年度工作总结的通知',
        issuer: '陕西省人民政府办公厅',
        mainRecipients: ['各市人民政府'],
        registration: {
          sourceOrg: '陕西省人民政府办公厅',
          sourceDocNumber: '陕政办发〔2026〕9号',
          signedForAt: '2026-09-29T09:15:42+08:00',
          channel: 'EXCHANGE',
          handlingType: 'ACT',
          timeLimitWorkdays: 5,
        },
      }),
      users.clerk,
    );
    const documents = server.app.get(DocumentsService);
    await documents.get(created.id, users.clerk);
    const viewSql = await capture(() => documents.get(created.id, users.clerk));
    expectSnapshot('document-view', 'GET /api/documents/:id: the document view (DocumentsService.get)', [['view', viewSql]]);
  });
});
