// The project's own lint gates (eslint.config.mjs) report what they are meant to: each case lints a
// snippet as if it sat at `file` and expects the named rule to fire, or nothing at all.
// Run by `npm test` after `eslint .`: `node --test tools/lint-gates.test.mjs`.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function rulesFiring(file, code) {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

const cases = [
  // the engine core is pure (STYLE.md)
  ['engine: Date.now()', 'libs/engine/src/execute/x.ts', 'export const t = Date.now();', 'no-restricted-properties'],
  ['engine: Math.random()', 'libs/engine/src/execute/x.ts', 'export const r = Math.random();', 'no-restricted-properties'],
  ['engine: new Date()', 'libs/engine/src/execute/x.ts', 'export const d = new Date();', 'no-restricted-syntax'],
  ['engine: setTimeout', 'libs/engine/src/execute/x.ts', 'setTimeout(() => undefined, 1);', 'no-restricted-globals'],
  ['engine: console', 'libs/engine/src/execute/x.ts', "console.log('x');", 'no-restricted-globals'],
  [
    'engine: Node I/O',
    'libs/engine/src/execute/x.ts',
    "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;",
    'no-restricted-imports',
  ],
  ['engine: new Date(instant) is fine', 'libs/engine/src/execute/x.ts', 'export const d = new Date(0);', null],
  // dependency direction (Nx tags)
  [
    'engine → contracts',
    'libs/engine/src/x.ts',
    "import { ROUTES } from '@liuzhuan/contracts';\nexport const r = ROUTES;",
    '@nx/enforce-module-boundaries',
  ],
  [
    'engine → a framework',
    'libs/engine/src/x.ts',
    "import { Injectable } from '@nestjs/common';\nexport const i = Injectable;",
    '@nx/enforce-module-boundaries',
  ],
  [
    'contracts → engine',
    'libs/contracts/src/x.ts',
    "import { compile } from '@liuzhuan/engine';\nexport const c = compile;",
    '@nx/enforce-module-boundaries',
  ],
  [
    'server → engine and contracts',
    'server/src/x.ts',
    "import { compile } from '@liuzhuan/engine';\nimport { ROUTES } from '@liuzhuan/contracts';\nexport const x = [compile, ROUTES];",
    null,
  ],
  [
    'client → engine (not its model)',
    'client/src/app/x.ts',
    "import { compile } from '@liuzhuan/engine';\nexport const c = compile;",
    'no-restricted-imports',
  ],
  [
    'client → engine model',
    'client/src/app/x.ts',
    "import { OA_DESCRIPTOR } from '@liuzhuan/engine/model';\nexport const d = OA_DESCRIPTOR;",
    null,
  ],
  [
    'client → server by path',
    'client/src/app/x.ts',
    "import { RuntimeModule } from '../../../server/src/modules/runtime/runtime.api';\nexport const m = RuntimeModule;",
    '@nx/enforce-module-boundaries',
  ],
  // server modules talk through their *.api.ts
  [
    'server: another module’s inner file',
    'server/src/modules/tasks/x.ts',
    "import { UserRepository } from '../org/user.repository';\nexport const u = UserRepository;",
    'no-restricted-imports',
  ],
  [
    'server: another module’s Nest module',
    'server/src/modules/tasks/x.ts',
    "import { OrgModule } from '../org/org.module';\nexport const m = OrgModule;",
    'no-restricted-imports',
  ],
  [
    'server: from a sub-folder',
    'server/src/modules/jobs/external-tasks/x.ts',
    "import { TaskRepository } from '../../runtime/task.repository';\nexport const t = TaskRepository;",
    'no-restricted-imports',
  ],
  [
    'server: another module’s api',
    'server/src/modules/tasks/x.ts',
    "import { OrgModule } from '../org/org.api';\nexport const m = OrgModule;",
    null,
  ],
  [
    'server: its own files and the platform',
    'server/src/modules/tasks/x.ts',
    "import { Opinions } from './opinions';\nimport { newId } from '../../platform/ids/ids';\nexport const x = [Opinions, newId];",
    null,
  ],
  // engine state stays behind the engine's queries
  [
    'server: InstanceState imported',
    'server/src/modules/tasks/x.ts',
    "import type { InstanceState } from '@liuzhuan/engine';\nexport type S = InstanceState;",
    'no-restricted-imports',
  ],
  [
    'server: ElementInstance imported',
    'server/src/x.ts',
    "import type { ElementInstance } from '@liuzhuan/engine';\nexport type E = ElementInstance;",
    'no-restricted-imports',
  ],
  [
    'server: as InstanceState',
    'server/src/modules/tasks/x.ts',
    "export const s = JSON.parse('{}') as InstanceState;",
    'no-restricted-syntax',
  ],
  [
    'engine: InstanceState inside the engine',
    'libs/engine/src/state/x.ts',
    "import type { InstanceState } from '../index';\nexport const s = JSON.parse('{}') as InstanceState;",
    null,
  ],
  // the client's API layer holds the URLs
  ['client: /api/ in a component', 'client/src/app/features/x.component.ts', "export const url = '/api/tasks';", 'no-restricted-syntax'],
  [
    'client: /api/ in a template literal',
    'client/src/app/features/x.ts',
    'export const url = (id: string) => `/api/tasks/${id}`;',
    'no-restricted-syntax',
  ],
  ['client: /api/ in an API service', 'client/src/app/shared/x-api.service.ts', "export const url = '/api/tasks';", null],
  ['client: /api/ in an .api.ts', 'client/src/app/shared/x.api.ts', "export const url = '/api/tasks';", null],
  [
    'client: an import from a folder named api',
    'client/src/app/features/x.component.ts',
    "import { ContractApi } from '../../core/api/contract-api.service';\nexport const api = ContractApi;",
    null,
  ],
  ['client: /api/ in a spec', 'client/src/app/features/x.spec.ts', "export const url = '/api/tasks';", null],
];

for (const [name, file, code, rule] of cases) {
  test(`${name} ${rule ? `is reported by ${rule}` : 'passes'}`, async () => {
    const fired = await rulesFiring(file, code);
    if (rule) assert.ok(fired.includes(rule), `expected ${rule}, got ${JSON.stringify(fired)}`);
    else assert.deepEqual(fired, []);
  });
}
