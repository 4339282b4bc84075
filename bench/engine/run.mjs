// Engine core vs bpmn-engine on the same models, instances per second, side by side in one process.
// Usage: npm run bench:engine [-- --instances 2000 --reference-instances 100 --rounds 5]
// Each round measures Liuzhuan and then bpmn-engine back to back on one model. The machines are
// shared and other processes steal time from either side at random, so each engine's figure is
// its fastest round (the round least disturbed, as timeit advises) and the ratio is of those;
// every round's own ratio is printed too, so the spread is visible.
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
const referenceInstances = arg('reference-instances', 100);
const rounds = arg('rounds', 5);
// Each side runs at least this long per round, so that both are timed over windows of similar length.
const MIN_SECONDS = 1;

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
      case '>':
        return left > condition.value;
      case '<':
        return left < condition.value;
      case '>=':
        return left >= condition.value;
      case '<=':
        return left <= condition.value;
      case '==':
        return left == condition.value; // eslint-disable-line eqeqeq -- JUEL == coerces
      default:
        return left != condition.value; // eslint-disable-line eqeqeq
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
      constructor() {
        this.handlers = {};
      }
      on(name, fn) {
        (this.handlers[name] ??= []).push(fn);
      }
      once(name, fn) {
        this.on(name, fn);
      }
      emit(name, ...args) {
        for (const fn of this.handlers[name] ?? []) fn(...args);
        return true;
      }
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

async function measureReference(sourceContext, count, variables) {
  const waits = await runReference(sourceContext, variables);
  for (let i = 0; i < 20; i++) await runReference(sourceContext, variables);
  const started = performance.now();
  let done = 0;
  let seconds = 0;
  while (done < count || seconds < MIN_SECONDS) {
    await runReference(sourceContext, variables);
    done++;
    seconds = (performance.now() - started) / 1000;
  }
  return { perSecond: done / seconds, waits };
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
  const sourceContext = await sourceContextOf(c.xml);
  const perRound = [];
  for (let round = 0; round < rounds; round++) {
    const ours = liuzhuan.measure(model, instances, c.variables, MIN_SECONDS);
    const reference = await measureReference(sourceContext, referenceInstances, c.variables);
    // Equivalent work: both engines must stop at, and be signalled at, the same number of waits.
    if (ours.waits !== reference.waits) {
      throw new Error(`${c.name}: Liuzhuan completed ${ours.waits} tasks, bpmn-engine waited ${reference.waits} times`);
    }
    perRound.push({
      ours: ours.perSecond,
      reference: reference.perSecond,
      ratio: ours.perSecond / reference.perSecond,
      stateBytes: ours.stateBytes,
      waits: ours.waits,
    });
  }
  const ours = Math.max(...perRound.map((r) => r.ours));
  const reference = Math.max(...perRound.map((r) => r.reference));
  const row = {
    ...c,
    ours,
    reference,
    ratio: ours / reference,
    ratios: perRound.map((r) => r.ratio),
    stateBytes: perRound[0].stateBytes,
    waits: perRound[0].waits,
  };
  rows.push(row);
  console.log(
    `${c.name}: liuzhuan ${row.ours.toFixed(0)}/s, bpmn-engine ${row.reference.toFixed(0)}/s, ratio ${row.ratio.toFixed(1)}x ` +
      `(rounds: ${row.ratios.map((r) => r.toFixed(1)).join(', ')}), ${row.waits} waits, waiting state ${row.stateBytes} B`,
  );
}

const minRatio = Math.min(...rows.map((r) => r.ratio));
const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(
  [
    '',
    `Machine: ${machine}. Date: ${new Date().toISOString()}.`,
    `Command: \`npm run bench:engine -- --instances ${instances} --reference-instances ${referenceInstances} --rounds ${rounds}\``,
    '',
    '| model | waits | Liuzhuan inst/s (best round) | bpmn-engine inst/s (best round) | ratio | ratio in each round | largest state JSON while waiting |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.waits} | ${r.ours.toFixed(0)} | ${r.reference.toFixed(0)} | ${r.ratio.toFixed(1)}× | ${r.ratios.map((x) => x.toFixed(0)).join(' / ')} | ${r.stateBytes} B |`,
    ),
    '',
    `Minimum ratio: ${minRatio.toFixed(1)}×`,
    '',
  ].join('\n'),
);
// the headline figure: the worst ratio over all models
console.log(`engine: ${minRatio.toFixed(1)}x bpmn-engine`);
