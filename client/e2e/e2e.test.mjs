// Node 20's `node --test <dir>` only picks up files named like *.test.mjs; this makes
// `node --test client/e2e/` run every browser scenario (*.e2e.mjs, which tools/test.mjs runs
// directly) — each file in the folder, so a new scenario cannot be left out.
import { readdirSync } from 'node:fs';

const here = new URL('.', import.meta.url);
for (const file of readdirSync(here)
  .filter((f) => f.endsWith('.e2e.mjs'))
  .sort()) {
  await import(new URL(file, here).href);
}
