// bench/e2e phase 3: the inbox (`GET /api/tasks?assignee=me&status=open&sort=due`) over 1M finished
// + 100k open task rows, p50/p95/p99 of sequential requests, and EXPLAIN of the statements it sends.
import { call, DB, INBOX_FINISHED, INBOX_OPEN, INBOX_REQUESTS, log, MYSQL, mysql, ok, PASSWORD, pct } from './lib.mjs';

export async function inbox() {
  const c = await mysql.createConnection({ ...MYSQL, database: DB });
  try {
    const ME = 'head';
    // the population: the demo users (work concentrated on the clerks and heads) and 3000 staff
    // accounts; `head` ends up with a few hundred open tasks and ~2% of the history
    const tLoad = Date.now();
    await c.query(`DELETE FROM task WHERE definition_key = 'benchApproval'`); // phase 1's rows out of the way
    const [[{ n0: before }]] = await c.query('SELECT COUNT(*) AS n0 FROM task');
    // a row per sequence value; assignee by hash of the number: 0.3 % (open) / 2 % (finished) to head,
    // the rest over 3000 staff accounts and the other demo users
    const load = async (from, count, status, headShare) => {
      const CHUNK = 100_000;
      for (let s = from; s < from + count; s += CHUNK) {
        const e = Math.min(from + count, s + CHUNK) - 1;
        await c.query(`INSERT INTO task (id, instance_id, definition_key, element_id, name, assignee, status, form_key, due_at, created_at, opened_at, completed_at, completed_by)
        SELECT CONCAT('01BENCH', LPAD(seq, 19, '0')),
               CONCAT('01BINST', LPAD(seq DIV 5, 19, '0')),
               ELT(1 + seq % 4, 'officialDocument', 'leaveRequest', 'procurement', 'meetingNotice'),
               ELT(1 + seq % 5, 'draft', 'review', 'approve', 'sign', 'archive'),
               ELT(1 + seq % 5, '拟稿', '科室审核', '处长审核', '分管领导审批', '主要领导签发'),
               @a := CASE WHEN (seq * 2654435761) % 1000 < ${Math.round(headShare * 1000)} THEN '${ME}'
                          WHEN seq % 3 = 0 THEN ELT(1 + seq % 7, 'clerk', 'staff', 'deputy', 'mayor', 'fgw_head', 'czj_clerk', 'zjj_head')
                          ELSE CONCAT('staff', LPAD(seq % 3000, 4, '0')) END,
               '${status}',
               IF(seq % 3 = 0, NULL, CONCAT('form:', seq % 4)),
               IF(seq % 2 = 0, TIMESTAMP('2026-01-01') + INTERVAL (seq % 400) DAY, NULL),
               TIMESTAMP('2024-01-01') + INTERVAL (seq % 60000000) SECOND,
               IF(seq % 4 = 0, NULL, TIMESTAMP('2024-01-01') + INTERVAL (seq % 60000000) + 600 SECOND),
               ${status === 'open' ? 'NULL' : "TIMESTAMP('2024-01-01') + INTERVAL (seq % 60000000) + 3600 SECOND"},
               ${status === 'open' ? 'NULL' : '@a'}
        FROM seq_${s}_to_${e}`);
      }
    };
    await load(1, INBOX_FINISHED, 'completed', 0.02);
    await load(INBOX_FINISHED + 1, INBOX_OPEN, 'open', 0.003);
    // some tasks of the open ones offered to groups (unassigned, like real group tasks)
    await c.query(
      `INSERT INTO task_candidate (task_id, kind, value) SELECT id, 'group', 'dept-clerks' FROM task WHERE id LIKE '01BENCH%' AND status = 'open' AND assignee LIKE 'staff0%' AND RIGHT(id, 2) = '07'`,
    );
    await c.query(
      `UPDATE task SET assignee = NULL WHERE id IN (SELECT task_id FROM task_candidate WHERE value = 'dept-clerks' AND task_id LIKE '01BENCH%')`,
    );
    await c.query('ANALYZE TABLE task, task_candidate');
    const loadSec = (Date.now() - tLoad) / 1000;
    const [[dist]] = await c.query(
      `SELECT COUNT(*) AS total, SUM(status = 'open') AS open, SUM(status <> 'open') AS finished,
    SUM(assignee = ? AND status = 'open') AS meOpen, SUM(assignee = ? AND status <> 'open') AS meFinished, COUNT(DISTINCT assignee) AS assignees FROM task`,
      [ME, ME],
    );
    log(`inbox: loaded ${dist.total - before} rows in ${loadSec.toFixed(1)} s; ${ME} has ${dist.meOpen} open, ${dist.meFinished} finished`);

    const token = (await call(null, 'POST', '/api/auth/login', { username: ME, password: PASSWORD })).body.accessToken;
    const path = '/api/tasks?assignee=me&status=open&sort=due';
    const lat = [];
    let errors = 0,
      total = null,
      firstItems = null;
    for (let i = 0; i < 50 + INBOX_REQUESTS; i++) {
      const t = performance.now();
      const r = await call(token, 'GET', path);
      const d = performance.now() - t;
      if (!ok(r)) {
        errors++;
        continue;
      }
      total = r.body.total;
      firstItems = r.body.items.length;
      if (i >= 50) lat.push(d);
    }
    lat.sort((a, b) => a - b);
    // the statements TaskRepository.mineByDue sends for this request (the tasks with a deadline fill the
    // first page; the COUNT only because the page is full) (TypeORM, MySQL
    // driver; see server/src/modules/runtime/task.repository.ts), then candidatesOf for the page
    // (the page with its display joins, official_document by its index: TaskRepository.withDisplay + read)
    const listSql = `SELECT t.*, pi.initiator AS d_initiator, od.title AS d_title, od.urgency AS d_urgency, od.id AS d_document_id, io.name AS d_initiator_org_name, JSON_VALUE(pi.state, '$.variables.title') AS v_title, JSON_VALUE(pi.state, '$.variables.docType') AS v_doc_type, JSON_VALUE(pi.state, '$.variables.urgency') AS v_urgency, od.doc_type AS d_doc_type FROM task t LEFT JOIN process_instance pi ON pi.id = t.instance_id LEFT JOIN official_document od FORCE INDEX (ix_document_instance) ON od.instance_id = t.instance_id LEFT JOIN incoming_registration ir ON ir.document_id = od.id LEFT JOIN org io ON io.id = pi.initiator_org_id WHERE t.assignee = '${ME}' AND t.status = 'open' AND t.due_at IS NOT NULL ORDER BY t.due_at ASC, t.id ASC LIMIT 50`;
    const countSql = `SELECT COUNT(DISTINCT(t.id)) AS cnt FROM task t WHERE t.assignee = '${ME}' AND t.status = 'open'`;
    const explain = [];
    for (const sql of [listSql, countSql]) {
      const [rows] = await c.query(`EXPLAIN ${sql}`);
      explain.push({ sql, rows });
    }
    const [page] = await c.query(listSql);
    const candSql = `SELECT task_id, kind, value FROM task_candidate WHERE task_id IN (${page.map((r) => `'${r.id}'`).join(', ')})`;
    const [candRows] = await c.query(`EXPLAIN ${candSql}`);
    explain.push({ sql: candSql.replace(/IN \((.{0,60}).*\)$/, 'IN ($1…)'), rows: candRows });
    return {
      loadSec,
      rowsLoaded: dist.total - before,
      dist,
      p50: pct(lat, 50),
      p95: pct(lat, 95),
      p99: pct(lat, 99),
      max: lat[lat.length - 1],
      n: lat.length,
      errors,
      total,
      firstItems,
      explain,
      me: ME,
    };
  } finally {
    await c.end();
  }
}
