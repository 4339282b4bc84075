// bench/e2e phase 1: 200 clients complete the tasks of a 5-step approval for --seconds
// (completions/s, p50/p95/p99 of the complete, max VmRSS, CPU of server / MariaDB / this process);
// with --count-statements, one client's statements per look-up and per complete instead.
import { setTimeout as sleep } from 'node:timers/promises';
import { counter } from './count-proxy.mjs';
import {
  call,
  CLIENTS,
  COUNT,
  DB,
  log,
  LOOKUP_EACH,
  ms,
  mysqldPid,
  ok,
  PASSWORD,
  pct,
  PORT,
  PRESTART,
  procCpu,
  readCpu,
  SECONDS,
  UNDICI,
  WARMUP,
} from './lib.mjs';
import { RawConnection } from './raw-http.mjs';
import { signInEnrolling } from './second-factor.mjs';

/** `rss.maxKb` is the sampler's running maximum (reset here when the clock starts). */
export async function runLoad({ serverPid, rss, rssIdleMb, admin }) {
  const login = async (u) => {
    const r = await call(null, 'POST', '/api/auth/login', { username: u, password: PASSWORD });
    if (!ok(r)) throw new Error(`login ${u}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.accessToken;
  };
  const adminToken = await signInEnrolling('admin', PASSWORD);
  const XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="bench">
  <process id="benchApproval" name="五级审批（基准）" isExecutable="true">
    <startEvent id="start"/>
    <sequenceFlow id="f0" sourceRef="start" targetRef="s1"/>
    <userTask id="s1" name="拟稿" camunda:assignee="\${who}"/>
    <sequenceFlow id="f1" sourceRef="s1" targetRef="s2"/>
    <userTask id="s2" name="科室审核" camunda:assignee="\${who}"/>
    <sequenceFlow id="f2" sourceRef="s2" targetRef="s3"/>
    <userTask id="s3" name="处长审核" camunda:assignee="\${who}"/>
    <sequenceFlow id="f3" sourceRef="s3" targetRef="s4"/>
    <userTask id="s4" name="分管领导审批" camunda:assignee="\${who}"/>
    <sequenceFlow id="f4" sourceRef="s4" targetRef="s5"/>
    <userTask id="s5" name="主要领导签发" camunda:assignee="\${who}"/>
    <sequenceFlow id="f5" sourceRef="s5" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;
  const dep = await call(adminToken, 'POST', '/api/definitions', XML, 'application/xml');
  if (dep.status !== 201) throw new Error(`deploy: ${dep.status} ${JSON.stringify(dep.body)}`);

  // 200 clients signed in as the demo users (each user's clients own disjoint instances, so no two
  // clients ever race for one task: every non-2xx is a real error)
  const users = [
    'clerk',
    'staff',
    'head',
    'deputy',
    'mayor',
    ...['fgw', 'czj', 'zjj', 'gaj', 'jtj', 'cgj', 'hbczj', 'sqzjj'].flatMap((d) => [`${d}_head`, `${d}_clerk`]),
    'hanbin_head',
    'hanbin_clerk',
    'shiquan_head',
    'shiquan_clerk',
  ];
  const tokens = new Map();
  for (const u of users) tokens.set(u, await login(u));
  log(`signed in ${users.length} demo users`);

  const errors = new Map();
  const noteError = (what, r) => {
    const k = `${what} ${r.status} ${r.body?.code ?? ''}`.trim();
    errors.set(k, (errors.get(k) ?? 0) + 1);
  };
  const clients = Array.from({ length: CLIENTS }, (_, i) => {
    const user = users[i % users.length];
    return { user, token: tokens.get(user), instances: [], current: null, conn: new RawConnection(PORT) };
  });
  // the measured loop's requests: one keep-alive socket per client (raw-http.mjs), or undici's pool with --undici
  const send = (c, method, path, body) =>
    UNDICI || COUNT ? call(c.token, method, path, body) : c.conn.request(method, path, c.token, body);
  let starts = 0,
    startErrors = 0;
  async function startInstance(c) {
    const r = await send(c, 'POST', '/api/instances', { definitionKey: 'benchApproval', variables: { who: c.user } });
    if (r.status !== 201 && r.status !== 200) {
      startErrors++;
      noteError('start', r);
      return false;
    }
    starts++;
    c.instances.push(r.body.id);
    // the start names the tasks it opened: the client's first task of this instance, without a look-up
    const mine = Array.isArray(r.body.tasks) ? r.body.tasks.find((t) => t.assignee === c.user)?.id : undefined;
    if (mine) (c.firstTasks ??= new Map()).set(r.body.id, mine);
    return true;
  }
  // pre-start with bounded concurrency (16 clients at a time); a client's own starts go one after
  // another, since its socket carries one request at a time
  const tPre = Date.now();
  {
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(16, CLIENTS) }, async () => {
        while (next < CLIENTS) {
          const c = clients[next++];
          for (let j = 0; j < PRESTART; j++) await startInstance(c);
        }
      }),
    );
  }
  log(`pre-started ${starts} instances in ${((Date.now() - tPre) / 1000).toFixed(1)} s (${startErrors} errors)`);

  let phase = 'warmup';
  const lat = []; // complete latencies in the measured window, ms
  let completions = 0,
    completeErrors = 0,
    lookups = 0,
    startsInRun = 0;
  const deadline = { warm: 0, end: 0 };
  async function nextTask(c) {
    for (;;) {
      if (!c.instances.length) {
        if (!(await startInstance(c))) return null;
        if (phase === 'run') startsInRun++;
      }
      const inst = c.instances[0];
      const first = LOOKUP_EACH ? undefined : c.firstTasks?.get(inst);
      if (first) {
        c.firstTasks.delete(inst);
        return first;
      }
      const r = await send(c, 'GET', `/api/tasks?instanceId=${inst}&status=open&limit=5`);
      if (phase === 'run') lookups++;
      if (!ok(r)) {
        noteError('lookup', r);
        c.instances.shift();
        continue;
      }
      const open = r.body.items.filter((t) => t.assignee === c.user);
      if (open.length) return open[0].id;
      c.instances.shift();
    }
  }
  // the completion's answer names the tasks it opened (`next`): the client's next one, if it is
  // the assignee; none (the instance ended) → its next instance, found by a look-up
  const mineIn = (r, user) => (ok(r) && Array.isArray(r.body.next) ? r.body.next.find((t) => t.assignee === user)?.id : undefined);
  async function worker(c) {
    while (Date.now() < deadline.end) {
      const id = c.current ?? (await nextTask(c));
      c.current = null;
      if (!id) {
        await sleep(50);
        continue;
      }
      if (Date.now() >= deadline.end) break;
      const t = performance.now();
      const r = await send(c, 'POST', `/api/tasks/${id}/complete`, {});
      const d = performance.now() - t;
      if (!LOOKUP_EACH) {
        c.current = mineIn(r, c.user) ?? null;
        if (ok(r) && !c.current) c.instances.shift();
      }
      if (phase !== 'run') continue;
      if (ok(r)) {
        completions++;
        lat.push(d);
      } else {
        completeErrors++;
        noteError('complete', r);
      }
    }
  }
  if (COUNT) {
    const c = clients[0];
    const per = { start: [], lookup: [], complete: [] };
    const trips = { start: [], lookup: [], complete: [] };
    const words = { start: new Map(), lookup: new Map(), complete: new Map() };
    const add = (k) => {
      per[k].push(counter.statements);
      trips[k].push(counter.n);
      for (const [w, n] of counter.byCmd) words[k].set(w, (words[k].get(w) ?? 0) + n);
      counter.reset();
    };
    for (let i = 0; i < 100; i++) {
      if (!c.instances.length) {
        counter.reset();
        await startInstance(c);
        if (!per.start.length) {
          console.log('statements of the first start:');
          for (const t of counter.texts) console.log('  ' + t);
        }
        add('start');
      }
      counter.reset();
      const r = await call(c.token, 'GET', `/api/tasks?instanceId=${c.instances[0]}&status=open&limit=5`);
      const open = r.body.items.filter((t) => t.assignee === c.user);
      if (!open.length) {
        c.instances.shift();
        i--;
        continue;
      }
      if (i === 99) {
        console.log('statements of the last look-up:');
        for (const t of counter.texts) console.log('  ' + t);
      }
      add('lookup');
      counter.reset();
      const done = await call(c.token, 'POST', `/api/tasks/${open[0].id}/complete`, {});
      if (!ok(done)) throw new Error(`complete ${done.status}`);
      if (i === 99) {
        console.log('statements of the last complete:');
        for (const t of counter.texts) console.log('  ' + t);
      }
      add('complete');
    }
    for (const k of ['start', 'lookup', 'complete']) {
      if (!per[k].length) continue;
      const a = per[k];
      const mean = (xs) => (xs.reduce((x, y) => x + y, 0) / xs.length).toFixed(1);
      console.log(
        `${k}: ${mean(a)} statements per request (min ${Math.min(...a)}, max ${Math.max(...a)}) in ${mean(trips[k])} round trips — by first word per request: ${[
          ...words[k],
        ]
          .sort((x, y) => y[1] - x[1])
          .map(([w, n]) => `${w} ${(n / a.length).toFixed(1)}`)
          .join(', ')}`,
      );
    }
    throw Object.assign(new Error('count-statements done'), { done: true });
  }
  const tw = Date.now();
  deadline.warm = tw + WARMUP * 1000;
  deadline.end = deadline.warm + SECONDS * 1000;
  rss.maxKb = 0; // the max during the run (warm-up + measured window)
  const runP = Promise.all(clients.map(worker));
  await sleep(deadline.warm - Date.now());
  phase = 'run';
  const tRun = performance.now();
  const cpu0 = readCpu();
  const dbPid = mysqldPid();
  const sc0 = procCpu(serverPid),
    dc0 = dbPid ? procCpu(dbPid) : NaN,
    lc0 = process.cpuUsage();
  log(`measuring ${SECONDS} s with ${CLIENTS} clients`);
  await runP;
  const runSec = (performance.now() - tRun) / 1000;
  for (const c of clients) c.conn.close();
  const cpu1 = readCpu();
  const sc1 = procCpu(serverPid),
    dc1 = dbPid ? procCpu(dbPid) : NaN,
    lc1 = process.cpuUsage(lc0);
  lat.sort((a, b) => a - b);
  const e2e = {
    completions,
    completeErrors,
    runSec,
    rate: completions / runSec,
    p50: pct(lat, 50),
    p95: pct(lat, 95),
    p99: pct(lat, 99),
    max: lat[lat.length - 1],
    rssMb: rss.maxKb / 1024,
    rssIdleMb,
    cpuSec: {
      server: sc1 - sc0,
      mariadb: dc1 - dc0,
      loadGenerator: (lc1.user + lc1.system) / 1e6,
      serverSys: sc1.sys - sc0.sys,
      mariadbSys: dc1?.sys - dc0?.sys,
      loadGeneratorSys: lc1.system / 1e6,
    },
    startsInRun,
    lookups,
    lookupEach: LOOKUP_EACH,
    client: UNDICI ? 'undici' : 'raw',
    errors: Object.fromEntries(errors),
    startErrors,
    cpuBusy: cpu1 && cpu0 ? 1 - (cpu1.idle - cpu0.idle) / (cpu1.total - cpu0.total) : NaN,
  };
  log(
    `e2e: ${completions} completions in ${runSec.toFixed(1)} s = ${e2e.rate.toFixed(1)}/s, p50 ${ms(e2e.p50)} p95 ${ms(e2e.p95)} p99 ${ms(e2e.p99)}, errors ${completeErrors}, RSS max ${e2e.rssMb.toFixed(0)} MB`,
  );

  // statements per completion, from the server's own data (what one complete wrote)
  const [[counts]] = await admin.query(
    `SELECT (SELECT COUNT(*) FROM \`${DB}\`.task) AS tasks, (SELECT COUNT(*) FROM \`${DB}\`.history_event) AS history, (SELECT COUNT(*) FROM \`${DB}\`.process_instance) AS instances`,
  );
  e2e.rows = counts;
  return e2e;
}
