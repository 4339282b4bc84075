#!/usr/bin/env node
// `npm start`: build what is missing or stale (Nx caches), then serve API + client on one port.
// Embedded by default: SQLite under ./data, in-process queue, the demo city.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from './server-node-flags.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

if (process.env.LIUZHUAN_SKIP_BUILD !== 'true') {
  console.log('流转 Liuzhuan: building the server and the client (cached after the first time)…');
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'server', 'client', '--outputStyle=static'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const main = join(root, 'dist/server/main.js');
if (!existsSync(main)) {
  console.error(`missing ${main}: the build did not produce the server`);
  process.exit(1);
}
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, main], {
  cwd: root,
  env: { ...process.env, LIUZHUAN_CLIENT_DIR: process.env.LIUZHUAN_CLIENT_DIR ?? join(root, 'dist/client/browser') },
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
