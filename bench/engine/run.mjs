// Engine core vs bpmn-engine on the same models, instances per second, side by side in one process.
// Usage: npm run bench:engine [-- --instances 2000]
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';
import { Engine } from 'bpmn-engine';
import * as elements from 'bpmn-elements';
import serializer, { TypeResolver } from 'moddle-context-serializer';
import { approval, countersign, linear } from './models.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const instances = arg('instances', 2000);
const referenceInstances = arg('reference-instances', 300);

async function loadLiuzhuan() {
  // Inside the repository so that the bundle's external packages resolve from node_modules.
  const outfile = join(here, '.build', 'runner.mjs');
  await build({
    entryPoints: [join(here, 'liuzhuan-runner.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

async function sourceContextOf(xml) {
  const moddleContext = await new BpmnModdle().fromXML(xml);
  return serializer(moddleContext, TypeResolver(elements));
}

/** One bpmn-engine instance: signal every waiting user task until the run completes. */
function runReference(sourceContext, variables) {
  return new Promise((resolve, reject) => {
    const engine = new Engine({ name: 'bench', sourceContext, variables });
    const listener = new (class {
      constructor() { this.handlers = {}; }
      on(name, fn) { (this.handlers[name] ??= []).push(fn); }
      once(name, fn) { this.on(name, fn); }
      emit(name, ...args) { for (const fn of this.handlers[name] ?? []) fn(...args); return true; }
    })();
    listener.on('wait', (api) => api.signal());
    engine.execute({ listener }, (err) => (err ? reject(err) : undefined));
    engine.once('end', () => resolve());
    engine.once('error', reject);
  });
}

async function measureReference(xml, count, variables) {
  const sourceContext = await sourceContextOf(xml);
  for (let i = 0; i < 20; i++) await runReference(sourceContext, variables);
  const started = performance.now();
  for (let i = 0; i < count; i++) await runReference(sourceContext, variables);
  return count / ((performance.now() - started) / 1000);
}

const liuzhuan = await loadLiuzhuan();
const cases = [
  { name: 'linear 10 user tasks', xml: linear(10), variables: {} },
  { name: 'approval: exclusive + parallel 3 + join', xml: approval(), variables: { amount: 500 } },
  { name: 'parallel 会签 multi-instance of 5', xml: countersign(), variables: {} },
];
const rows = [];
for (const c of cases) {
  const model = await liuzhuan.compileModel(c.xml);
  const ours = liuzhuan.measure(model, instances, c.variables);
  const reference = await measureReference(c.xml, referenceInstances, c.variables);
  rows.push({ ...c, ours: ours.perSecond, reference, ratio: ours.perSecond / reference, stateBytes: ours.stateBytes });
  console.log(`${c.name}: liuzhuan ${ours.perSecond.toFixed(0)}/s, bpmn-engine ${reference.toFixed(0)}/s, ratio ${(ours.perSecond / reference).toFixed(1)}x, waiting state ${ours.stateBytes} B`);
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const report = [
  '# Engine core benchmark',
  '',
  `- date: ${new Date().toISOString()}`,
  `- machine: ${machine}`,
  `- command: \`npm run bench:engine -- --instances ${instances} --reference-instances ${referenceInstances}\``,
  '- method: one process, same models; each instance is started and every user task completed until the end.',
  '  Liuzhuan: compile once, then `execute` per command with the state passed along (copied per command).',
  '  bpmn-engine 25: BPMN parsed once (sourceContext reused), one Engine per instance, each wait signalled.',
  '  Target: ≥ 50× instances/s; waiting state of the 10-step instance < 2 KB.',
  '',
  '| model | Liuzhuan inst/s | bpmn-engine inst/s | ratio | largest state JSON while waiting |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.name} | ${r.ours.toFixed(0)} | ${r.reference.toFixed(0)} | ${r.ratio.toFixed(1)}× | ${r.stateBytes} B |`),
  '',
];
writeFileSync(join(here, 'RESULTS.md'), report.join('\n'));
console.log(`written ${join(here, 'RESULTS.md')}`);
// the headline figure: the worst ratio over all models
console.log(`engine: ${Math.min(...rows.map((r) => r.ratio)).toFixed(1)}x bpmn-engine`);
