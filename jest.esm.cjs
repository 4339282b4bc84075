// Shared jest settings for the server and the libs.
// NestJS 12 and several of its dependencies are ESM-only; jest on Node 20 cannot require() them,
// so every package that declares "type": "module" is let through the swc transform.
const { readdirSync, readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

function esmPackages(nodeModules, names = new Set(), depth = 0) {
  const consider = (dir, name) => {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) return;
    try {
      if (JSON.parse(readFileSync(file, 'utf8')).type === 'module') names.add(name);
    } catch {
      // an unreadable manifest is not ours to judge; leave that package untransformed
    }
    // packages nest their own node_modules when versions differ (e.g. @fastify/static)
    const nested = join(dir, 'node_modules');
    if (depth < 4 && existsSync(nested)) esmPackages(nested, names, depth + 1);
  };
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) {
      for (const sub of readdirSync(join(nodeModules, entry))) consider(join(nodeModules, entry, sub), `${entry}/${sub}`);
    } else consider(join(nodeModules, entry), entry);
  }
  return names;
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const esm = [...esmPackages(join(__dirname, 'node_modules'))];

const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  transform: { '^.+\\.(t|j|mj|cj)s$': swcTransform },
  // ignore a file when the innermost package holding it is not ESM
  transformIgnorePatterns: [`node_modules/(?!(?:${esm.map(escapeRegExp).join('|')})/)(?:@[^/]+/)?[^/]+/(?!.*node_modules/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@liuzhuan/engine$': join(__dirname, 'libs/engine/src/index.ts'),
    '^@liuzhuan/engine/model$': join(__dirname, 'libs/engine/src/model/index.ts'),
    '^@liuzhuan/contracts$': join(__dirname, 'libs/contracts/src/index.ts'),
  },
};
