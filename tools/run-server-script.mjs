#!/usr/bin/env node
// `npm run migrate | seed:demo | worker`: builds the server if needed and runs one of its entry points.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from './server-node-flags.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [what] = process.argv.slice(2);
const entries = { migrate: ['cli.js', 'migrate'], 'seed-demo': ['cli.js', 'seed-demo'], worker: ['worker.js'] };
if (!entries[what]) {
  console.error(`usage: run-server-script.mjs ${Object.keys(entries).join(' | ')}`);
  process.exit(2);
}
const env = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' };
const build = spawnSync('npx', ['nx', 'build', 'server', '--outputStyle=static'], { cwd: root, env, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const [file, ...args] = entries[what];
const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, join(root, 'dist/server', file), ...args], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
