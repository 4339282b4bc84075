// bench/e2e: prints the section for bench/RESULTS.md and the raw figures as JSON.
import os from 'node:os';
import { CLIENTS, DB_CLIENTS, DB_SECONDS, loadBefore, SECONDS, WARMUP } from './lib.mjs';

export function report(results) {
  const e = results.e2e,
    d = results.db,
    ib = results.inbox;
  const ratio = e.rate / d.rate;
  const out = [];
  out.push('', `## Runtime end to end (MariaDB + Redis)`, '');
  out.push(
    `Machine: ${os.cpus()[0]?.model?.trim()} × ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Load average before the run: ${loadBefore}.`,
  );
  out.push(
    `Command: \`npx nx build server && npm run bench:e2e\` (${CLIENTS} clients, ${SECONDS} s after ${WARMUP} s warm-up; DB ${DB_CLIENTS} clients ${DB_SECONDS} s).`,
    '',
  );
  out.push('| figure | measured | target |', '|---|---|---|');
  out.push(
    `| completions/s (${CLIENTS} clients) | ${e.rate.toFixed(1)} (${e.completions} in ${e.runSec.toFixed(1)} s, ${e.completeErrors} errors) | — |`,
  );
  out.push(
    `| complete latency p50 / p95 / p99 / max | ${e.p50.toFixed(1)} / ${e.p95.toFixed(1)} / ${e.p99.toFixed(1)} / ${e.max.toFixed(1)} ms | p99 < 150 ms |`,
  );
  out.push(`| server RSS, max of VmRSS samples every 200 ms | ${e.rssMb.toFixed(0)} MB | < 300 MB |`);
  out.push(
    `| DB transactions/s (5 statements, ${DB_CLIENTS} clients) | ${d.rate.toFixed(0)} (p50 ${d.p50.toFixed(1)} ms, p99 ${d.p99.toFixed(1)} ms) | — |`,
  );
  out.push(`| completions/s ÷ DB transactions/s | ${(ratio * 100).toFixed(1)} % | ≥ 30 % |`);
  if (ib) {
    out.push(
      `| inbox p50 / p95 / p99 (${ib.n} sequential, \`${ib.me}\`: ${ib.dist.meOpen} open) | ${ib.p50.toFixed(1)} / ${ib.p95.toFixed(1)} / ${ib.p99.toFixed(1)} ms | p95 < 20 ms |`,
    );
  }
  out.push('');
  out.push(
    `CPU in the measured window (2 cores = ${(2 * e.runSec).toFixed(0)} CPU s available): server ${e.cpuSec.server.toFixed(1)} s (of which system ${e.cpuSec.serverSys.toFixed(1)} s), MariaDB ${e.cpuSec.mariadb.toFixed(1)} s (system ${e.cpuSec.mariadbSys.toFixed(1)} s), this load generator ${e.cpuSec.loadGenerator.toFixed(1)} s (system ${e.cpuSec.loadGeneratorSys.toFixed(1)} s). Server RSS right after start: ${e.rssIdleMb.toFixed(0)} MB.`,
  );
  out.push(
    `Also in the run: ${e.lookups} task look-ups in the measured window (\`GET /api/tasks?instanceId=…&status=open\`, ${e.lookupEach ? 'one before each complete (`--lookup-each`)' : 'only where an answer did not name the next task: a start names its tasks, a completion its `next`'}), ${e.startsInRun} instance starts in the measured window; whole-machine CPU busy during the window ${(e.cpuBusy * 100).toFixed(0)} %. Errors: ${JSON.stringify(e.errors)}.`,
  );
  out.push(`Rows after phase 1: ${JSON.stringify(e.rows)}.`);
  if (ib) {
    out.push(
      '',
      `Inbox data: ${ib.rowsLoaded} rows loaded in ${ib.loadSec.toFixed(1)} s (${ib.dist.finished} finished, ${ib.dist.open} open, ${ib.dist.assignees} distinct assignees); \`${ib.me}\` has ${ib.dist.meOpen} open and ${ib.dist.meFinished} finished. API answered total=${ib.total}, ${ib.firstItems} items per page; ${ib.errors} errors.`,
      '',
    );
    for (const x of ib.explain) {
      out.push(
        '```sql',
        x.sql,
        '```',
        '',
        '| id | select_type | table | type | possible_keys | key | key_len | ref | rows | Extra |',
        '|---|---|---|---|---|---|---|---|---|---|',
      );
      for (const r of x.rows)
        out.push(
          `| ${r.id} | ${r.select_type} | ${r.table} | ${r.type} | ${r.possible_keys ?? ''} | ${r.key ?? ''} | ${r.key_len ?? ''} | ${r.ref ?? ''} | ${r.rows} | ${r.Extra ?? ''} |`,
        );
      out.push('');
    }
  }
  console.log(out.join('\n'));
  console.log('\n' + JSON.stringify({ e2e: { ...e }, db: d, inbox: ib ? { ...ib, explain: undefined } : null }));
}
