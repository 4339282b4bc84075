// A/B of the engine core alone: the engine at a git revision against the working tree, same
// runner, alternating in one process, timed in CPU seconds (less disturbed by other processes on
// a shared machine than wall time). No bpmn-engine here; run.mjs is the benchmark of record.
// Usage: node bench/engine/compare.mjs [instances=3000] [rev=HEAD] [rounds=5]
import { build } from 'esbuild';
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { approval, countersign, linear } from './models.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const instances = Number(process.argv[2] ?? 3000);
const rev = process.argv[3] ?? 'HEAD';
const rounds = Number(process.argv[4] ?? 5);

async function bundle(name, engineSource) {
  const entry = join(here, '.build', `${name}-runner.ts`);
  writeFileSync(entry, readFileSync(join(here, 'liuzhuan-runner.ts'), 'utf8').replace("'../../libs/engine/src'", `'${engineSource}'`));
  const outfile = join(here, '.build', `${name}-runner.mjs`);
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning' });
  return import(pathToFileURL(outfile).href);
}

const revDir = join(here, '.build', 'rev');
execSync(`rm -rf "${revDir}" && mkdir -p "${revDir}" && git archive ${rev} libs/engine/src | tar -x -C "${revDir}"`, {
  cwd: join(here, '..', '..'),
});
const before = await bundle('rev', './rev/libs/engine/src');
const after = await bundle('tree', '../../../libs/engine/src');
const models = { 'linear 10': [linear(10), {}], approval: [approval(), { amount: 500 }], '会签 of 5': [countersign(), {}] };
for (const [name, [xml, variables]] of Object.entries(models)) {
  const cpuRate = async (runner) => {
    const model = await runner.compileModel(xml);
    const start = process.cpuUsage();
    runner.measure(model, instances, variables, 0);
    const used = process.cpuUsage(start);
    // measure runs one instance for the state size, a warm-up, then whole batches of 100
    const timed = Math.ceil(instances / 100) * 100;
    return (1 + Math.min(500, instances) + timed) / ((used.user + used.system) / 1e6);
  };
  let a = 0;
  let b = 0;
  for (let r = 0; r < rounds; r++) {
    a = Math.max(a, await cpuRate(before));
    b = Math.max(b, await cpuRate(after));
  }
  console.log(`${name}: ${rev} ${a.toFixed(0)} inst/CPU-s, working tree ${b.toFixed(0)} inst/CPU-s (×${(b / a).toFixed(2)})`);
}
