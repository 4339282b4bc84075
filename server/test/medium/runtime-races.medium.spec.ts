import { replay, type EngineEvent } from '@liuzhuan/engine';
import { DataSource } from 'typeorm';
import { parallelJoin, groupTask, singleTask } from '../support/bpmn-fixtures';
import { TestServer } from '../support/test-server';

/**
 * Concurrency on the real database (SQLite or MariaDB, by LIUZHUAN_TEST_TARGET): two completions
 * of one task, simultaneous branches of a join, simultaneous claims. Invariants checked by SQL.
 */
describe('runtime races (medium)', () => {
  let server: TestServer;
  let db: DataSource;
  let admin: string;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    server = await TestServer.start();
    db = server.app.get(DataSource);
    admin = await server.login('admin');
    tokens = Object.fromEntries(await Promise.all(['clerk', 'head', 'staff'].map(async (u) => [u, await server.login(u)])));
  });
  afterAll(() => server.stop());

  const deploy = async (xml: string) =>
    expect((await server.call('POST', '/api/definitions', { token: admin, raw: xml, contentType: 'application/xml' })).status).toBe(201);
  const startMany = async (key: string, n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++)
      ids.push((await server.call('POST', '/api/instances', { token: tokens.clerk, body: { definitionKey: key } })).body.id);
    return ids;
  };
  const openTaskIds = async (key: string): Promise<{ id: string; element_id: string; instance_id: string }[]> =>
    db.query(`SELECT id, element_id, instance_id FROM task WHERE definition_key = ? AND status = 'open' ORDER BY id`, [key]);

  it('should let exactly one of two simultaneous completions win for each of 100 tasks', async () => {
    // given 100 open tasks for clerk
    await deploy(singleTask('race'));
    await startMany('race', 100);
    const tasks = await openTaskIds('race');
    expect(tasks).toHaveLength(100);
    // when every task is completed twice at the same moment
    const responses = await Promise.all(
      tasks.flatMap((t) =>
        [0, 1].map(async () => ({
          task: t.id,
          r: await server.call('POST', `/api/tasks/${t.id}/complete`, { token: tokens.clerk, body: {} }),
        })),
      ),
    );
    // then one 200 and one 409 TASK_NOT_OPEN per task, never a 5xx
    const byTask = new Map<string, string[]>();
    for (const { task, r } of responses)
      byTask.set(task, [...(byTask.get(task) ?? []), `${r.status}${r.status === 409 ? ` ${r.body.code}` : ''}`]);
    for (const outcomes of byTask.values()) expect(outcomes.sort()).toEqual(['200', '409 TASK_NOT_OPEN']);
    // and the database agrees: no task completed twice, history matches
    const [{ n: completedTasks }] = await db.query(`SELECT COUNT(*) AS n FROM task WHERE definition_key = 'race' AND status = 'completed'`);
    expect(Number(completedTasks)).toBe(100);
    const twice = await db.query(
      `SELECT h.instance_id, COUNT(*) AS n FROM history_event h JOIN process_instance i ON i.id = h.instance_id
       WHERE i.definition_key = 'race' AND h.type = 'task.completed' GROUP BY h.instance_id HAVING COUNT(*) <> 1`,
    );
    expect(twice).toEqual([]);
    const [{ n: completedInstances }] = await db.query(
      `SELECT COUNT(*) AS n FROM process_instance WHERE definition_key = 'race' AND status = 'completed'`,
    );
    expect(Number(completedInstances)).toBe(100);
  });

  it('should fire each join once when the three branches of 20 instances are completed at the same moment', async () => {
    // given
    await deploy(parallelJoin('race-join'));
    await startMany('race-join', 20);
    const tasks = await openTaskIds('race-join');
    expect(tasks).toHaveLength(60);
    const assignee: Record<string, string> = { a: 'clerk', b: 'head', c: 'staff' };
    // when
    const responses = await Promise.all(
      tasks.map((t) => server.call('POST', `/api/tasks/${t.id}/complete`, { token: tokens[assignee[t.element_id]], body: {} })),
    );
    // then every completion succeeds and each instance has exactly one task after the join
    expect(responses.map((r) => r.status)).toEqual(tasks.map(() => 200));
    const after = await db.query(
      `SELECT instance_id, COUNT(*) AS n FROM task WHERE definition_key = 'race-join' AND element_id = 'after' GROUP BY instance_id`,
    );
    expect(after).toHaveLength(20);
    expect(after.every((r: { n: number }) => Number(r.n) === 1)).toBe(true);
    const joins = await db.query(
      `SELECT h.instance_id, COUNT(*) AS n FROM history_event h JOIN process_instance i ON i.id = h.instance_id
       WHERE i.definition_key = 'race-join' AND h.type = 'element.activated' AND h.element_id = 'join' GROUP BY h.instance_id`,
    );
    expect(joins.map((r: { n: number }) => Number(r.n))).toEqual(after.map(() => 1));
  });

  it('should give a group task to exactly one of several simultaneous claimers', async () => {
    // given 20 group tasks for the city leaders (deputy and mayor) plus an admin
    await deploy(groupTask('race-claim', 'city-leaders'));
    await startMany('race-claim', 20);
    const tasks = await openTaskIds('race-claim');
    const claimers = [await server.login('deputy'), await server.login('mayor'), admin];
    // when
    const responses = await Promise.all(
      tasks.flatMap((t) =>
        claimers.map(async (token) => ({ task: t.id, r: await server.call('POST', `/api/tasks/${t.id}/claim`, { token }) })),
      ),
    );
    // then
    for (const t of tasks) {
      const statuses = responses
        .filter((x) => x.task === t.id)
        .map((x) => x.r.status)
        .sort();
      expect(statuses).toEqual([200, 409, 409]);
    }
    const claimed = await db.query(`SELECT COUNT(*) AS n FROM history_event WHERE type = 'task.claimed'`);
    expect(Number(claimed[0].n)).toBe(20);
  });

  it('should keep history and runtime state in step for every instance after the races', async () => {
    // given the instances of the races above
    const instances: { id: string; state: string }[] = await db.query('SELECT id, state FROM process_instance');
    expect(instances.length).toBeGreaterThan(100);
    for (const instance of instances) {
      // when its engine events are replayed (claims are server-side entries, not engine events)
      const rows: { type: string; at: Date | string; details: string }[] = await db.query(
        "SELECT type, at, details FROM history_event WHERE instance_id = ? AND type NOT IN ('task.claimed', 'task.unclaimed') ORDER BY seq",
        [instance.id],
      );
      // SQLite hands raw DATETIME columns back as UTC text without a zone
      const utc = (at: Date | string) => (typeof at === 'string' ? new Date(`${at.replace(' ', 'T')}Z`) : at);
      const events = rows.map((r) => ({ ...JSON.parse(r.details), type: r.type, at: utc(r.at).toISOString() }) as EngineEvent);
      // then they rebuild exactly the stored state
      expect(replay(events)).toEqual(JSON.parse(instance.state));
    }
  });

  it('should leave no stuck instance and no orphan task after the races', async () => {
    // given the instances of the races above
    // when / then: every active instance waits on an open task or a pending job
    const stuck = await db.query(
      `SELECT i.id FROM process_instance i WHERE i.status = 'active'
         AND NOT EXISTS (SELECT 1 FROM task t WHERE t.instance_id = i.id AND t.status = 'open')
         AND NOT EXISTS (SELECT 1 FROM job j WHERE j.instance_id = i.id AND j.status = 'pending')`,
    );
    expect(stuck).toEqual([]);
    // and no ended instance has an open task
    const orphans = await db.query(
      `SELECT t.id FROM task t JOIN process_instance i ON i.id = t.instance_id WHERE i.status <> 'active' AND t.status = 'open'`,
    );
    expect(orphans).toEqual([]);
  });
});
