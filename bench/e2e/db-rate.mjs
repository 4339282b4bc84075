// bench/e2e phase 2: the database's own rate for the transaction shape of one completion
// (1 conditional update, 3 inserts, 1 update) at --db-clients connections, straight into scratch tables.
import { setTimeout as sleep } from 'node:timers/promises';
import { DB, DB_CLIENTS, DB_SECONDS, MYSQL, mysql, pct } from './lib.mjs';

export async function dbRate() {
  const pool = mysql.createPool({ ...MYSQL, database: DB, connectionLimit: DB_CLIENTS });
  // the shape of one completion: the instance row guarded by its version, the task projection,
  // history and the next task; sizes like the real rows (state JSON ~600 B)
  await pool.query(
    `CREATE TABLE bench_instance (id VARCHAR(26) PRIMARY KEY, version INT NOT NULL, state LONGTEXT NOT NULL, history_seq INT NOT NULL, updated_at DATETIME(3) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
  );
  await pool.query(
    `CREATE TABLE bench_task (id VARCHAR(26) PRIMARY KEY, instance_id VARCHAR(26) NOT NULL, assignee VARCHAR(32) NULL, status VARCHAR(12) NOT NULL, due_at DATETIME(3) NULL, created_at DATETIME(3) NOT NULL, completed_at DATETIME(3) NULL, KEY ix_a (assignee, status, due_at), KEY ix_i (instance_id, status)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
  );
  await pool.query(
    `CREATE TABLE bench_history (instance_id VARCHAR(26) NOT NULL, seq INT NOT NULL, type VARCHAR(40) NOT NULL, at DATETIME(3) NOT NULL, details MEDIUMTEXT NOT NULL, PRIMARY KEY (instance_id, seq)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
  );
  const state = JSON.stringify({ v: 1, pad: 'x'.repeat(560) });
  const N = DB_CLIENTS;
  const inst = Array.from({ length: N }, (_, i) => ({ id: `BENCHINST${String(i).padStart(17, '0')}`, version: 0, seq: 0, task: null }));
  for (const x of inst) await pool.query('INSERT INTO bench_instance VALUES (?, 0, ?, 0, NOW(3))', [x.id, state]);
  let seqNo = 0;
  const tid = () => `BENCHTASK${String(seqNo++).padStart(17, '0')}`;
  for (const x of inst) {
    x.task = tid();
    await pool.query(`INSERT INTO bench_task VALUES (?, ?, 'clerk', 'open', NULL, NOW(3), NULL)`, [x.task, x.id]);
  }
  const lat = [];
  let tx = 0,
    conflicts = 0;
  const run = async (x, until, measure) => {
    const c = await pool.getConnection();
    try {
      while (Date.now() < until) {
        const t = performance.now();
        await c.query('START TRANSACTION');
        const [u] = await c.execute(
          'UPDATE bench_instance SET version = version + 1, state = ?, history_seq = history_seq + 2, updated_at = NOW(3) WHERE id = ? AND version = ?',
          [state, x.id, x.version],
        );
        if (u.affectedRows !== 1) {
          conflicts++;
          await c.query('ROLLBACK');
          continue;
        }
        const next = tid();
        await c.execute(`INSERT INTO bench_task VALUES (?, ?, 'clerk', 'open', NULL, NOW(3), NULL)`, [next, x.id]);
        await c.execute(`INSERT INTO bench_history VALUES (?, ?, 'task.completed', NOW(3), '{"actor":"clerk"}')`, [x.id, x.seq + 1]);
        await c.execute(`INSERT INTO bench_history VALUES (?, ?, 'task.created', NOW(3), '{"assignee":"clerk"}')`, [x.id, x.seq + 2]);
        await c.execute(`UPDATE bench_task SET status = 'completed', completed_at = NOW(3) WHERE id = ?`, [x.task]);
        await c.query('COMMIT');
        x.version++;
        x.seq += 2;
        x.task = next;
        if (measure()) {
          tx++;
          lat.push(performance.now() - t);
        }
      }
    } finally {
      c.release();
    }
  };
  const warmEnd = Date.now() + 2000,
    end = warmEnd + DB_SECONDS * 1000;
  let measuring = false;
  const all = Promise.all(inst.map((x) => run(x, end, () => measuring)));
  await sleep(warmEnd - Date.now());
  measuring = true;
  const t0 = performance.now();
  await all;
  const sec = (performance.now() - t0) / 1000;
  await pool.end();
  lat.sort((a, b) => a - b);
  return { tx, sec, rate: tx / sec, p50: pct(lat, 50), p99: pct(lat, 99), conflicts };
}
