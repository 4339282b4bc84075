// Shared jest settings for the server and the libs.
// NestJS 12 and several of its dependencies are ESM-only; jest on Node 20 cannot require() them,
// so every package that declares "type": "module" is let through the swc transform.
const { readdirSync, readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

function esmPackages(nodeModules) {
  const names = [];
  const consider = (name) => {
    const file = join(nodeModules, name, 'package.json');
    if (!existsSync(file)) return;
    try {
      if (JSON.parse(readFileSync(file, 'utf8')).type === 'module') names.push(name);
    } catch {
      // an unreadable manifest is not ours to judge; leave that package untransformed
    }
  };
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) {
      for (const sub of readdirSync(join(nodeModules, entry))) consider(`${entry}/${sub}`);
    } else consider(entry);
  }
  return names;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const esm = esmPackages(join(__dirname, 'node_modules'));

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
  transformIgnorePatterns: [`node_modules/(?!(${esm.map(escape).join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@liuzhuan/engine$': join(__dirname, 'libs/engine/src/index.ts'),
    '^@liuzhuan/contracts$': join(__dirname, 'libs/contracts/src/index.ts'),
  },
};
