import { DataSource } from 'typeorm';
import { bpmn } from '../support/bpmn-fixtures';
import { TEST_TARGET } from '../support/test-env';
import { TestServer } from '../support/test-server';

/**
 * What the hot paths send to the database (bench/RESULTS.md): a task completion and the inbox
 * read, and the inbox ordered by deadline. The statement counts are upper bounds: a change that
 * adds a statement to every completion fails here and must say why.
 */
describe('runtime: statements per request and the inbox by deadline (e2e)', () => {
  let server: TestServer;
  let admin: string;
  let staff: string;

  /** start → a → b → end, both tasks for `staff`, `b` due at `${deadline}` when given */
  const twoSteps = (key: string) =>
    bpmn(`<process id="${key}" isExecutable="true">
      <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="a"/>
      <userTask id="a" name="拟稿" camunda:assignee="staff"/><sequenceFlow id="f2" sourceRef="a" targetRef="b"/>
      <userTask id="b" name="审核" camunda:assignee="staff" camunda:dueDate="\${deadline}"/><sequenceFlow id="f3" sourceRef="b" targetRef="end"/>
      <endEvent id="end"/></process>`);

  beforeAll(async () => {
    server = await TestServer.start();
    [admin, staff] = await Promise.all(['admin', 'staff'].map((u) => server.login(u)));
    const r = await server.call('POST', '/api/definitions', { token: admin, raw: twoSteps('speedTwo'), contentType: 'application/xml' });
    if (r.status !== 201) throw new Error(`deploy: ${r.status} ${JSON.stringify(r.body)}`);
  });
  afterAll(() => server.stop());

  const start = async (deadline: string | null) => {
    const r = await server.call('POST', '/api/instances', { token: staff, body: { definitionKey: 'speedTwo', variables: { deadline } } });
    if (r.status !== 201) throw new Error(`start: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id as string;
  };
  const openTask = async (instanceId: string) => {
    const r = await server.call('GET', `/api/tasks?instanceId=${instanceId}&status=open`, { token: staff });
    return r.body.items[0] as { id: string; elementId: string; dueAt: string | null };
  };

  /**
   * Counts the statements the server sends while `work` runs (every query goes through
   * QueryRunner.query), leaving out the job table's pollers (the local queue, the sweeper) that run alongside.
   */
  const counting = async <T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> => {
    const dataSource = server.app.get(DataSource);
    const runner = dataSource.createQueryRunner();
    const proto = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
    await runner.release();
    const original = proto.query;
    const statements: string[] = [];
    proto.query = function (this: unknown, ...args: unknown[]) {
      statements.push(String(args[0]));
      return original.apply(this, args);
    };
    try {
      const result = await work();
      return { result, statements: statements.filter((q) => !/(FROM|UPDATE|INTO) [`"]?job[`"]?[\s(]/i.test(q)) };
    } finally {
      proto.query = original;
    }
  };

  it('should complete a task that creates the next one in at most 10 statements when no proxy is in force, and answer with the completed task', async () => {
    // given: an instance at its first task
    const id = await start(null);
    const a = await openTask(id);
    // when
    const { result, statements } = await counting(() => server.call('POST', `/api/tasks/${a.id}/complete`, { token: staff, body: {} }));
    // then: session, START, lock + read the instance (and whether any proxy is in force), read the
    // task and its candidates, close it, insert the next task, insert the history, update the
    // instance, the notification, COMMIT
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ id: a.id, status: 'completed', completedBy: 'staff' });
    expect(result.body.completedAt).toEqual(expect.any(String));
    const each = statements.flatMap((q) => q.split(';\n'));
    expect(each.map((q) => q.slice(0, 60))).toHaveLength(Math.min(each.length, 10)); // (lists them when over)
    // on MySQL they go in at most 4 round trips: [the connection's session setup, once per pooled
    // connection], START, lock + task, the writes with the instance update and the COMMIT
    // (write-batch.ts). START travelled with the lock until the single guard (#14): riding it on
    // whatever statement came next needed a patched runner.query.
    if (TEST_TARGET === 'production') expect(statements.map((q) => q.slice(0, 60))).toHaveLength(Math.min(statements.length, 4));
    expect((await openTask(id)).elementId).toBe('b');
    const history = await server.call('GET', `/api/instances/${id}/history`, { token: staff });
    expect(history.body.items.map((e: { type: string; elementId: string }) => `${e.type} ${e.elementId}`)).toEqual(
      expect.arrayContaining(['task.completed a', 'task.created b']),
    );
  });

  it("should read one instance's open tasks without a COUNT when the page is not full", async () => {
    // given
    const id = await start(null);
    // when
    const { result, statements } = await counting(() => server.call('GET', `/api/tasks?instanceId=${id}&status=open`, { token: staff }));
    // then: the tasks with their candidates and display fields, in one statement (the session is cached)
    expect(result.body).toMatchObject({ total: 1, items: [expect.objectContaining({ elementId: 'a' })] });
    expect(statements.filter((s) => /count\(/i.test(s))).toEqual([]);
    expect(statements.length).toBeLessThanOrEqual(2);
  });

  (TEST_TARGET === 'production' ? it : it.skip)(
    'should read official_document by its index in every inbox query on MySQL (no on-disk temporary table for the sort)',
    async () => {
      // given a task in my inbox
      await start(null);
      // when the inbox pages are read: by creation, by deadline, with the claimable ones, one instance
      const paths = [
        '/api/tasks?assignee=me&status=open',
        '/api/tasks?assignee=me&status=open&sort=due',
        '/api/tasks?assignee=me&candidate=me&status=open',
        '/api/tasks?assignee=me&status=open&q=%E6%8B%9F',
      ];
      const { statements } = await counting(async () => {
        for (const path of paths) expect((await server.call('GET', path, { token: staff })).status).toBe(200);
      });
      // then each statement that joins official_document names the index
      const joins = statements.filter((q) => /JOIN [`"]?official_document/i.test(q));
      expect(joins.length).toBeGreaterThanOrEqual(paths.length);
      expect(joins.filter((q) => !q.includes('FORCE INDEX (ix_document_instance)'))).toEqual([]);
    },
  );

  it('should list my open tasks by deadline with sort=due: earliest first, those without one last, and count a full page', async () => {
    // given: three tasks at b, due in 3 days, in 1 day and none, plus the open a-tasks of the tests above
    const day = 86_400_000;
    const late = await start(new Date(Date.now() + 3 * day).toISOString());
    const early = await start(new Date(Date.now() + day).toISOString());
    const none = await start(null);
    for (const id of [late, early, none])
      await server.call('POST', `/api/tasks/${(await openTask(id)).id}/complete`, { token: staff, body: {} });
    // when
    const byDue = await server.call('GET', '/api/tasks?assignee=me&status=open&sort=due', { token: staff });
    const firstTwo = await server.call('GET', '/api/tasks?assignee=me&status=open&sort=due&limit=2', { token: staff });
    const byCreated = await server.call('GET', '/api/tasks?assignee=me&status=open', { token: staff });
    // then
    expect(byDue.status).toBe(200);
    const ids = byDue.body.items.map((t: { instanceId: string }) => t.instanceId);
    expect(ids.slice(0, 2)).toEqual([early, late]);
    expect(byDue.body.items.slice(2).every((t: { dueAt: string | null }) => t.dueAt === null)).toBe(true);
    expect(ids.indexOf(none)).toBeGreaterThan(1);
    expect(firstTwo.body.items.map((t: { instanceId: string }) => t.instanceId)).toEqual([early, late]);
    expect(firstTwo.body.total).toBe(byDue.body.total);
    expect(byDue.body.total).toBe(byDue.body.items.length);
    // those without a deadline oldest first; later pages continue the same order across the two groups
    const undated = byDue.body.items.slice(2).map((t: { createdAt: string }) => t.createdAt);
    expect(undated).toEqual([...undated].sort());
    const all = byDue.body.items.map((t: { id: string }) => t.id);
    for (const [offset, limit] of [
      [1, 2],
      [2, 2],
      [3, 5],
      [1, 50],
      [50, 5],
    ]) {
      const page = await server.call('GET', `/api/tasks?assignee=me&status=open&sort=due&offset=${offset}&limit=${limit}`, {
        token: staff,
      });
      expect([page.body.items.map((t: { id: string }) => t.id), page.body.total]).toEqual([all.slice(offset, offset + limit), all.length]);
    }
    // the default stays newest first
    const created = byCreated.body.items.map((t: { createdAt: string }) => t.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    const wrong = await server.call('GET', '/api/tasks?assignee=me&sort=soon', { token: staff });
    expect([wrong.status, typeof wrong.body.code]).toEqual([400, 'string']);
  });
});
