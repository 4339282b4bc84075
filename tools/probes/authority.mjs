#!/usr/bin/env node
// The security probes of issue #15 ([authority]) over HTTP: each one tries a path to authority that
// a security test found open, and says whether it is now closed. Run it after `npx nx build server`:
//   node tools/probes/authority.mjs            (starts dist/server/main.js on a fresh data dir)
//   LIUZHUAN_URL=http://127.0.0.1:3000 node tools/probes/authority.mjs   (a running demo server;
//     the letter-limit probe then needs LIUZHUAN_LETTER_CAPTCHA=false and LIUZHUAN_TRUST_PROXY=10.9.9.9 there)
// It exits non-zero when a probe finds a hole. It talks to 127.0.0.1 only and stops by itself.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PASSWORD = process.env.LIUZHUAN_DEMO_PASSWORD || 'Liuzhuan@2026';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let base = process.env.LIUZHUAN_URL;
let child;

if (!base) {
  const port = 30000 + Math.floor(Math.random() * 20000);
  child = spawn(process.execPath, ['dist/server/main.js'], {
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LIUZHUAN_DATA_DIR: mkdtempSync(join(tmpdir(), 'lz-probes-')),
      LIUZHUAN_DEMO: 'true',
      // the deployment the compose file ships: only the proxy's own address is trusted
      LIUZHUAN_TRUST_PROXY: '10.9.9.9',
      // a deployment that puts another gate in front of the public form (documented setting)
      LIUZHUAN_LETTER_CAPTCHA: 'false',
    },
  });
  base = `http://127.0.0.1:${port}`;
  let up = false;
  for (let i = 0; i < 120 && !up; i++) {
    try {
      up = (await fetch(`${base}/api/health`)).ok;
    } catch {
      await sleep(1000);
    }
  }
  if (!up) throw new Error('the server did not start (build it first: npx nx build server)');
}
const stop = () => {
  if (child) {
    try {
      process.kill(-child.pid);
    } catch {
      /* already gone */
    }
  }
};

async function call(token, method, path, body, headers = {}) {
  const h = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  if (body !== undefined) h['content-type'] = typeof body === 'string' ? 'application/xml' : 'application/json';
  const r = await fetch(base + path, {
    method,
    headers: h,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await r.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: r.status, body: json };
}

// RFC 6238 TOTP (SHA-1, 6 digits, 30 s), for the admins who must sign in with a second factor
function totp(base32) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000)));
  const h = createHmac('sha1', key).update(counter).digest();
  const o = h[h.length - 1] & 15;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1e6).padStart(6, '0');
}
const secrets = {};
async function login(username) {
  const form = (extra = {}) => call(null, 'POST', '/api/auth/login', { username, password: PASSWORD, ...extra });
  let r = await form();
  if (r.status === 200 && r.body.enrolmentRequired) {
    const e = await call(r.body.accessToken, 'POST', '/api/auth/totp/enroll', {});
    secrets[username] = e.body.secret;
    await call(r.body.accessToken, 'POST', '/api/auth/totp/activate', { code: totp(secrets[username]) });
    await sleep(31000 - (Date.now() % 30000));
    r = await form({ totp: totp(secrets[username]) });
  } else if (r.status === 401 && r.body.code === 'AUTH_TOTP_REQUIRED' && secrets[username]) {
    r = await form({ totp: totp(secrets[username]) });
  }
  if (r.status !== 200 || !r.body.accessToken) throw new Error(`sign-in of ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.accessToken;
}

const results = [];
async function probe(name, fn) {
  try {
    const hole = await fn();
    results.push([name, hole]);
  } catch (e) {
    results.push([name, `probe failed: ${e.message}`]);
  }
}
/** null when closed, else what is still open */
const closedIf = (condition, what) => (condition ? null : what);

const t = {};
for (const u of ['sysadmin', 'secadmin', 'admin', 'clerk', 'head', 'mayor', 'fgw_clerk', 'fgw_head', 'czj_head']) t[u] = await login(u);
const userId = async (username) =>
  (await call(t.sysadmin, 'GET', `/api/users?q=${username}`)).body.items.find((u) => u.username === username).id;
const openTasks = async (who, instanceId) =>
  (await call(t[who], 'GET', `/api/tasks?instanceId=${instanceId}`)).body.items.filter((x) => x.status === 'open');

try {
  await probe('系统管理员 resets the 安全保密管理员’s password', async () => {
    const id = await userId('secadmin');
    const reset = await call(t.sysadmin, 'POST', `/api/users/${id}/password-reset`, {});
    const patch = await call(t.sysadmin, 'PATCH', `/api/users/${id}`, { password: 'Another#Pass2026' });
    // the password still signs in (a second factor is asked next): nobody reset it
    const still = await call(null, 'POST', '/api/auth/login', { username: 'secadmin', password: PASSWORD });
    const unchanged = still.body.code === 'AUTH_TOTP_REQUIRED' || (still.status === 200 && !still.body.passwordChangeRequired);
    return closedIf(
      reset.status === 403 && patch.status >= 400 && unchanged,
      `reset ${reset.status}, patch ${patch.status}, sign-in ${still.status}`,
    );
  });

  await probe('a password reset leaves the user’s sessions alive', async () => {
    const victim = await login('staff');
    const reset = await call(t.secadmin, 'POST', `/api/users/${await userId('staff')}/password-reset`, {});
    await sleep(2000);
    const me = await call(victim, 'GET', '/api/auth/me');
    return closedIf(reset.status < 300 && me.status === 401, `reset ${reset.status}, old session ${me.status}`);
  });

  await probe('系统管理员 appoints himself the mayor’s 代理', async () => {
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 86400000).toISOString();
    const r = await call(t.sysadmin, 'POST', '/api/proxies', { principal: 'mayor', deputy: 'sysadmin', from, to });
    return closedIf(r.status === 403, `POST /api/proxies → ${r.status}`);
  });

  await probe('安全保密管理员 grants their own account workflow_admin, leader and clerk', async () => {
    const r = await call(t.secadmin, 'PUT', `/api/users/${await userId('secadmin')}/roles`, {
      roles: ['security_admin', 'workflow_admin', 'leader', 'clerk'],
    });
    const g = await call(t.secadmin, 'PUT', `/api/users/${await userId('secadmin')}/groups`, { groups: ['city-leaders'] });
    return closedIf(r.status === 403 && g.status === 403, `roles ${r.status}, groups ${g.status}`);
  });

  const draft = async (body) => call(t.clerk, 'POST', '/api/documents', body);
  await probe('a clerk names themselves 签发人 and 会签人 of their own 发文', async () => {
    const d = await draft({
      direction: 'outgoing',
      docType: 'GW08',
      title: '关于探测越权签发的通知',
      issuer: '安康市人民政府',
      orgCode: '安政发',
      mainRecipients: ['市政府各部门'],
    });
    const [task] = await openTasks('clerk', d.body.instanceId);
    const self = await call(t.clerk, 'POST', `/api/tasks/${task.id}/complete`, {
      variables: { issuer: 'clerk', countersigners: ['clerk'] },
    });
    return closedIf(self.status === 422, `complete 拟稿 with issuer=clerk → ${self.status}`);
  });

  await probe('the creator of a 秘密 document sets its 密级 to 非密, then attaches a body', async () => {
    const d = await draft({
      direction: 'outgoing',
      docType: 'GW08',
      title: '关于探测密级变更的通知',
      issuer: '安康市人民政府',
      orgCode: '安政发',
      mainRecipients: ['市政府各部门'],
      secretLevel: 'SECRET',
      secrecyPeriod: { value: 1, unit: 'YEAR' },
      copyNumber: '000001',
      custodian: '张晓明',
      storageLocation: '机要室 1 号柜',
    });
    if (d.status !== 201) return `could not create the 秘密 draft: ${d.status} ${JSON.stringify(d.body)}`;
    const patch = await call(t.clerk, 'PATCH', `/api/documents/${d.body.id}`, { secretLevel: 'NONE' });
    const body = await call(t.clerk, 'PATCH', `/api/documents/${d.body.id}`, { body: '正文' });
    return closedIf(patch.status === 403 && body.status === 422, `密级 patch ${patch.status}, body ${body.status}`);
  });

  await probe('a task keeps its candidate group after it is assigned (leave request read by other heads)', async () => {
    const s = await call(t.fgw_clerk, 'POST', '/api/instances', {
      definitionKey: 'request-approval',
      variables: { days: 2, reason: '家中有事', requestType: 'leave' },
    });
    if (s.status !== 201) return `start → ${s.status}`;
    const [apply] = await openTasks('fgw_clerk', s.body.id);
    if (apply)
      await call(t.fgw_clerk, 'POST', `/api/tasks/${apply.id}/complete`, {
        variables: { days: 2, reason: '家中有事', requestType: 'leave' },
      });
    const [approval] = await openTasks('fgw_head', s.body.id);
    if (!approval) return 'no approval task for fgw_head';
    const other = await call(t.czj_head, 'GET', `/api/tasks/${approval.id}`);
    const inst = await call(t.czj_head, 'GET', `/api/instances/${s.body.id}`);
    return closedIf(
      other.status === 404 && inst.status === 404,
      `another head reads the task ${other.status}, the instance ${inst.status}`,
    );
  });

  await probe('variables.initiator forged at start puts a task in another user’s inbox', async () => {
    const r = await call(t.clerk, 'POST', '/api/instances', {
      definitionKey: 'request-approval',
      variables: { initiator: 'mayor', days: 1 },
    });
    return closedIf(r.status === 422, `start with initiator → ${r.status}`);
  });

  await probe('anyone starts any process (收文 directly)', async () => {
    const r = await call(t.head, 'POST', '/api/instances', { definitionKey: 'incoming-document' });
    return closedIf(r.status === 403, `POST /api/instances incoming-document → ${r.status}`);
  });

  await probe('the workflow admin reads every document', async () => {
    const d = await draft({
      direction: 'outgoing',
      docType: 'GW08',
      title: '关于探测管理员读取的通知',
      issuer: '安康市人民政府',
      orgCode: '安政发',
      mainRecipients: ['市政府各部门'],
    });
    const r = await call(t.admin, 'GET', `/api/documents/${d.body.id}`);
    return closedIf(r.status === 404 || r.status === 403, `GET /api/documents/:id as admin → ${r.status}`);
  });

  await probe('API keys never expire, cannot be revoked and work for every topic', async () => {
    const k = await call(t.sysadmin, 'POST', '/api/api-keys', { name: '探测', topics: ['probe-topic'] });
    if (k.status !== 201) return `issue → ${k.status}`;
    const fetchLock = (topic) =>
      call(
        null,
        'POST',
        '/api/external-tasks/fetch-and-lock',
        { workerId: 'w1', maxTasks: 1, topics: [topic], lockSeconds: 10 },
        { 'x-api-key': k.body.key },
      );
    const other = await fetchLock('other-topic');
    const byClerk = await call(t.clerk, 'POST', '/api/api-keys', { name: 'x', topics: ['*'] });
    const del = await call(t.sysadmin, 'DELETE', `/api/api-keys/${k.body.id}`);
    const after = await fetchLock('probe-topic');
    return closedIf(
      other.status === 403 && byClerk.status === 403 && del.status < 300 && after.status === 401,
      `other topic ${other.status}, clerk issues ${byClerk.status}, revoked key ${after.status}`,
    );
  });

  await probe('a FEEL matches(s, "^a*a*a*a*a*a*a*a*b$") freezes the server', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="probe">
  <process id="probeRedos" isExecutable="true">
    <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="g"/>
    <exclusiveGateway id="g" default="f3"/>
    <sequenceFlow id="f2" sourceRef="g" targetRef="yes"><conditionExpression>=matches(s, "^a*a*a*a*a*a*a*a*b$")</conditionExpression></sequenceFlow>
    <sequenceFlow id="f3" sourceRef="g" targetRef="no"/>
    <endEvent id="yes"/><endEvent id="no"/>
  </process>
</definitions>`;
    const dep = await call(t.admin, 'POST', '/api/definitions', xml);
    if (dep.status === 422) return null; // refused at deploy
    const started = Date.now();
    const run = call(t.clerk, 'POST', '/api/instances', { definitionKey: 'probeRedos', variables: { s: 'a'.repeat(30) + 'c' } });
    const other = await call(t.clerk, 'GET', '/api/auth/me');
    const answeredMeanwhile = Date.now() - started;
    const r = await run;
    return closedIf(
      r.status === 201 && other.status === 200 && Date.now() - started < 5000,
      `start ${r.status} after ${Date.now() - started} ms; another request after ${answeredMeanwhile} ms`,
    );
  });

  await probe('a forged X-Forwarded-For passes the public letter limit (40 in parallel, limit 5)', async () => {
    const letter = (i) =>
      call(
        null,
        'POST',
        '/api/public/letters',
        { name: '探测', phone: '13900000000', subject: `探测来信 ${i}`, content: '探测内容' },
        { 'x-forwarded-for': `203.0.113.${i}` },
      );
    const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => letter(i)).map((p) => p.then((r) => r.status)));
    const accepted = statuses.filter((s) => s === 201).length;
    if (accepted === 0) return `no letter accepted: ${[...new Set(statuses)].join(',')}`;
    return closedIf(accepted === 5, `${accepted} of 40 accepted`);
  });
} finally {
  stop();
}

for (const [name, hole] of results) console.log(`${hole ? 'OPEN  ' : 'closed'} ${name}${hole ? ': ' + hole : ''}`);
const open = results.filter(([, hole]) => hole).length;
console.log(`authority probes: ${results.length - open} closed, ${open} open`);
process.exit(open ? 1 : 0);
