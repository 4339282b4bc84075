import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { timerThenTask } from '../support/bpmn-fixtures';
import { eventually } from '../support/eventually';
import { type KnownFactor, signInWithSecondFactor } from '../support/second-factor';
import { createTestEnvironment } from '../support/test-env';
import { DEMO_PASSWORD, TestServer } from '../support/test-server';

const ROOT = join(__dirname, '../../..');

/** Starts the server in a child process that SIGKILLs itself between commit and queue push. */
function startDoomedServer(vars: Record<string, string>) {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'server/test/support/crash-server.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...vars, SWC_NODE_PROJECT: 'server/test/support/tsconfig.child.json' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  const port = new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /LISTENING (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', () => reject(new Error(`server exited before listening: ${out}`)));
  });
  return { port, exited };
}

describe('runtime crash (medium)', () => {
  it('should fire a timer exactly once after the server was SIGKILLed between commit and push', async () => {
    // given a real server process and a committed timer whose push never happened
    const env = await createTestEnvironment({ LIUZHUAN_SWEEP_MS: '3600000' });
    const doomed = startDoomedServer(env.vars);
    const base = `http://127.0.0.1:${await doomed.port}`;
    const post = async (path: string, token: string | null, body: string, type = 'application/json') =>
      fetch(base + path, {
        method: 'POST',
        headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
      });
    // the admin enrols a second factor at its first sign-in (support/second-factor.ts)
    const factors = new Map<string, KnownFactor>();
    const postJson = async (path: string, body: unknown, token?: string) => {
      const r = await post(path, token ?? null, JSON.stringify(body));
      return { status: r.status, body: await r.json() };
    };
    const login = async (username: string) =>
      (await signInWithSecondFactor(postJson, factors, username, DEMO_PASSWORD)).body.accessToken as string;
    const [admin, clerk] = [await login('admin'), await login('clerk')];
    expect((await post('/api/definitions', admin, timerThenTask('killed', 'PT0.5S'), 'application/xml')).status).toBe(201);
    // when starting an instance kills the server right after its commit
    await expect(post('/api/instances', clerk, JSON.stringify({ definitionKey: 'killed' }))).rejects.toThrow();
    expect(await doomed.exited).toBe('SIGKILL');
    // then a fresh server on the same database fires the timer once, from its sweep
    const restarted = await TestServer.startOn(env, { jobs: { runInApi: true, sweepMs: 200 } });
    try {
      const db = restarted.app.get(DataSource);
      const [instance] = await db.query(`SELECT id FROM process_instance WHERE definition_key = 'killed'`);
      expect(instance).toBeDefined();
      await eventually(
        async () => Number((await db.query(`SELECT COUNT(*) AS n FROM task WHERE instance_id = ?`, [instance.id]))[0].n) === 1 || undefined,
        15_000,
      );
      const [{ n: fired }] = await db.query(`SELECT COUNT(*) AS n FROM history_event WHERE instance_id = ? AND type = 'timer.fired'`, [
        instance.id,
      ]);
      expect(Number(fired)).toBe(1);
    } finally {
      await restarted.stop();
    }
  }, 60_000);
});
