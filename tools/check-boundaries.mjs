#!/usr/bin/env node
// Dependency direction (ARCHITECTURE.md): engine → nothing in the repo and no framework or I/O;
// contracts → nothing in the repo; client → contracts and engine/model only; server → engine, contracts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const rules = [
  {
    dir: 'libs/engine/src',
    forbid: [
      /^@nestjs\//,
      /^typeorm/,
      /^bullmq/,
      /^ioredis/,
      /^node:(fs|net|http|https|child_process|worker_threads)/,
      /^(fs|net|http|child_process)$/,
      /^@angular\//,
      /^@liuzhuan\/contracts/,
      /server\//,
      /client\//,
    ],
    // no ambient side effects in the engine core (STYLE.md)
    forbidCode: [/\bDate\.now\(/, /\bMath\.random\(/, /\bsetTimeout\(/, /\bsetInterval\(/, /\bconsole\./, /\bnew Date\(\)/],
  },
  { dir: 'libs/contracts/src', forbid: [/^@nestjs\//, /^typeorm/, /^@angular\//, /^@liuzhuan\/engine/, /server\//, /client\//] },
  { dir: 'client/src', forbid: [/^@nestjs\//, /^typeorm/, /^bullmq/, /server\//, /^@liuzhuan\/engine$/] },
  { dir: 'server/src', forbid: [/^@angular\//, /client\//] },
];

const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });

const problems = [];
for (const rule of rules) {
  for (const file of files(join(root, rule.dir))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
      if (rule.forbid.some((r) => r.test(m[1]))) problems.push(`${relative(root, file)} imports ${m[1]}`);
    }
    for (const r of rule.forbidCode ?? []) {
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      if (r.test(code)) problems.push(`${relative(root, file)} uses ${r.source.replace(/\\/g, '')}`);
    }
  }
}
if (problems.length) {
  console.error(`dependency boundaries broken:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('dependency boundaries hold');
