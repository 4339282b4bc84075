// Engine core vs bpmn-engine on the same models, instances per second, side by side in one process.
// Usage: npm run bench:engine [-- --instances 2000 --reference-instances 300]
// Prints the figures as a Markdown section for bench/RESULTS.md; the last line is the headline.
import { build } from 'esbuild';
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

// bpmn-engine's own expressions only resolve property paths (`${environment.variables.amount}`):
// `${amount > 100}` would be undefined, so its approval run would skip the three parallel reviews
// and wait twice instead of five times. This resolver evaluates such a JUEL condition over the
// process variables (compiled once per text) so that both engines take the same path; anything
// else goes to bpmn-engine's default resolver.
const defaultExpressions = new elements.Environment().expressions;
const COMPARISON = /^\$\{\s*(\w+)\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?)\s*\}$/;
const compiledConditions = new Map();
const expressions = {
  ...defaultExpressions,
  resolveExpression(text, context, fnContext) {
    let condition = compiledConditions.get(text);
    if (condition === undefined) {
      const m = typeof text === 'string' ? COMPARISON.exec(text) : null;
      condition = m ? { name: m[1], op: m[2], value: Number(m[3]) } : null;
      compiledConditions.set(text, condition);
    }
    if (!condition) return defaultExpressions.resolveExpression(text, context, fnContext);
    const left = context?.environment?.variables?.[condition.name];
    switch (condition.op) {
      case '>': return left > condition.value;
      case '<': return left < condition.value;
      case '>=': return left >= condition.value;
      case '<=': return left <= condition.value;
      case '==': return left == condition.value; // eslint-disable-line eqeqeq -- JUEL == coerces
      default: return left != condition.value; // eslint-disable-line eqeqeq
    }
  },
};

async function sourceContextOf(xml) {
  const moddleContext = await new BpmnModdle().fromXML(xml);
  return serializer(moddleContext, TypeResolver(elements));
}

/** One bpmn-engine instance: signal every waiting user task until the run completes; resolves to the waits. */
function runReference(sourceContext, variables) {
  return new Promise((resolve, reject) => {
    let waits = 0;
    const engine = new Engine({ name: 'bench', sourceContext, variables, expressions });
    const listener = new (class {
      constructor() { this.handlers = {}; }
      on(name, fn) { (this.handlers[name] ??= []).push(fn); }
      once(name, fn) { this.on(name, fn); }
      emit(name, ...args) { for (const fn of this.handlers[name] ?? []) fn(...args); return true; }
    })();
    listener.on('wait', (api) => {
      waits++;
      api.signal();
    });
    engine.execute({ listener }, (err) => (err ? reject(err) : undefined));
    engine.once('end', () => resolve(waits));
    engine.once('error', reject);
  });
}

async function measureReference(xml, count, variables) {
  const sourceContext = await sourceContextOf(xml);
  const waits = await runReference(sourceContext, variables);
  for (let i = 0; i < 20; i++) await runReference(sourceContext, variables);
  const started = performance.now();
  for (let i = 0; i < count; i++) await runReference(sourceContext, variables);
  return { perSecond: count / ((performance.now() - started) / 1000), waits };
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
  // Equivalent work: both engines must stop at, and be signalled at, the same number of waits.
  if (ours.waits !== reference.waits) {
    throw new Error(`${c.name}: Liuzhuan completed ${ours.waits} tasks, bpmn-engine waited ${reference.waits} times`);
  }
  const ratio = ours.perSecond / reference.perSecond;
  rows.push({ ...c, ours: ours.perSecond, reference: reference.perSecond, ratio, stateBytes: ours.stateBytes, waits: ours.waits });
  console.log(`${c.name}: liuzhuan ${ours.perSecond.toFixed(0)}/s, bpmn-engine ${reference.perSecond.toFixed(0)}/s, ratio ${ratio.toFixed(1)}x, ${ours.waits} waits, waiting state ${ours.stateBytes} B`);
}

const minRatio = Math.min(...rows.map((r) => r.ratio));
const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(
  [
    '',
    `Machine: ${machine}. Date: ${new Date().toISOString()}.`,
    `Command: \`npm run bench:engine -- --instances ${instances} --reference-instances ${referenceInstances}\``,
    '',
    '| model | waits | Liuzhuan inst/s | bpmn-engine inst/s | ratio | largest state JSON while waiting |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.name} | ${r.waits} | ${r.ours.toFixed(0)} | ${r.reference.toFixed(0)} | ${r.ratio.toFixed(1)}× | ${r.stateBytes} B |`),
    '',
    `Minimum ratio: ${minRatio.toFixed(1)}×`,
    '',
  ].join('\n'),
);
// the headline figure: the worst ratio over all models
console.log(`engine: ${minRatio.toFixed(1)}x bpmn-engine`);
