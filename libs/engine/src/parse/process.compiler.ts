// bpmn:Process → ExecutableProcess. Walks flow elements scope by scope, refuses what we cannot
// run (in executable processes only) and precomputes the lookups the executor needs.
import type { ElementType, EventTrigger, ExecutableProcess, FlowNode, Scope, SequenceFlow } from '../model/process.model';
import { ACTIVITY_TYPES, MODEL_VERSION } from '../model/process.model';
import { compileAssignment, compileCall, compileJob, compileLoop } from './activity.compiler';
import type { StartRule } from '../model/eligibility';
import type { DiagnosticSink } from './diagnostic';
import { compileAssigneeVariables, compileStartRule } from './eligibility.compiler';
import { compileTrigger } from './event-definition.compiler';
import { ExpressionCompiler } from './expression-compiler';
import { attr, bodyOf, extension, prop } from './extension-reader';
import type { ModdleElement } from './moddle-reader';
import { finishProcess, type Mutable } from './process-structure';

const SUPPORTED: Readonly<Record<string, ElementType>> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent',
  'bpmn:Task': 'task',
  'bpmn:UserTask': 'userTask',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:ReceiveTask': 'receiveTask',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:SendTask': 'sendTask',
  'bpmn:ScriptTask': 'scriptTask',
  'bpmn:SubProcess': 'subProcess',
  'bpmn:CallActivity': 'callActivity',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:EventBasedGateway': 'eventBasedGateway',
};

// Imported and kept for display, never executed: data and artifacts (BPMN 2.0 §10.4, §7.2).
const IGNORED = new Set([
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
  'bpmn:DataInput',
  'bpmn:DataOutput',
  'bpmn:TextAnnotation',
  'bpmn:Association',
  'bpmn:Group',
]);

// Vendor behaviour we import but do not run: the model still executes, so a warning says what
// is skipped rather than an error.
const IGNORED_EXTENSIONS: Readonly<Record<string, string>> = {
  'camunda:ExecutionListener': 'execution listener',
  'camunda:TaskListener': 'task listener',
  'camunda:InputOutput': 'input/output mapping',
  'zeebe:ExecutionListeners': 'execution listeners',
  'zeebe:TaskListeners': 'task listeners',
};

const REFUSED: Readonly<Record<string, string>> = {
  'bpmn:ComplexGateway': 'complex gateway',
  'bpmn:Transaction': 'transaction',
  'bpmn:AdHocSubProcess': 'ad-hoc sub-process',
  'bpmn:BusinessRuleTask': 'business-rule task (until DMN is supported)',
  'bpmn:ImplicitThrowEvent': 'implicit throw event',
};

export interface ProcessCompileContext {
  readonly sink: DiagnosticSink;
}

// What compiling one process shares: where diagnostics go, whether they are errors (executable
// processes only), the expression compiler, and the nodes and flows compiled so far.
interface ProcessWalk {
  readonly sink: DiagnosticSink;
  readonly executable: boolean;
  readonly exprs: ExpressionCompiler;
  readonly nodes: Record<string, Mutable<FlowNode>>;
  readonly flows: Record<string, SequenceFlow>;
  readonly ids: GeneratedIds;
}

export function compileProcess(processEl: ModdleElement, sink: DiagnosticSink, expressionLanguage?: string): ExecutableProcess {
  const executable = processEl['isExecutable'] === true;
  const processId = processEl.id ?? 'process';
  const walk: ProcessWalk = {
    sink,
    executable,
    exprs: new ExpressionCompiler(sink, executable, expressionLanguage),
    nodes: {},
    flows: {},
    ids: new GeneratedIds(collectIds(processEl)),
  };
  walkScope(walk, processEl, processId);
  const scopes: Record<string, Scope> = {};
  return finishProcess(
    {
      modelVersion: MODEL_VERSION,
      id: processId,
      name: prop(processEl, 'name') ?? null,
      isExecutable: executable,
      ...startRuleOf(processEl, sink, executable),
      nodes: walk.nodes,
      flows: walk.flows,
      scopes,
      nodeList: Object.values(walk.nodes).map((n) => ({ id: n.id, name: n.name, type: n.type })),
    },
    sink,
  );
}

function startRuleOf(processEl: ModdleElement, sink: DiagnosticSink, executable: boolean): { start?: StartRule } {
  const start = compileStartRule(processEl, sink, executable);
  return start ? { start } : {};
}

// Generated ids count in document order (stable across compiles) and skip ids the file uses.
class GeneratedIds {
  private readonly counters = new Map<string, number>();

  constructor(private readonly taken: Set<string>) {}

  next(base: string, bareFirst: boolean): string {
    for (;;) {
      const n = (this.counters.get(base) ?? 0) + 1;
      this.counters.set(base, n);
      const id = n === 1 && bareFirst ? base : `${base}_${n}`;
      if (!this.taken.has(id)) {
        this.taken.add(id);
        return id;
      }
    }
  }
}

// A scope's nodes first (sub-processes recursively), then its sequence flows.
function walkScope(walk: ProcessWalk, container: ModdleElement, scopeId: string): void {
  const elements = ((container['flowElements'] as ModdleElement[] | undefined) ?? []).filter(Boolean);
  for (const el of elements) {
    if (el.$type === 'bpmn:SequenceFlow') continue;
    compileNode(walk, el, scopeId);
  }
  for (const el of elements) if (el.$type === 'bpmn:SequenceFlow') compileFlow(walk, el, scopeId);
}

function compileNode(walk: ProcessWalk, el: ModdleElement, scopeId: string): void {
  const type = SUPPORTED[el.$type];
  if (IGNORED.has(el.$type)) return;
  if (!type) {
    const what = REFUSED[el.$type] ?? el.$type;
    walk.sink.executionError(walk.executable, 'BPMN_UNSUPPORTED_ELEMENT', el.id ?? null, `${el.id ?? el.$type}: ${what} is not supported.`);
    return;
  }
  const id = nodeIdOf(walk, el, type);
  if (el['isForCompensation'] === true) {
    walk.sink.executionError(walk.executable, 'BPMN_UNSUPPORTED_ELEMENT', id, `${id}: compensation handlers are not supported.`);
  }
  const node: Mutable<FlowNode> = {
    id,
    type,
    name: prop(el, 'name') ?? null,
    scope: scopeId,
    incoming: [],
    outgoing: [],
  };
  warnIgnoredExtensions(walk, el, node);
  compileEventDetails(walk, el, node);
  compileTaskDetails(walk, el, node);
  if (type === 'exclusiveGateway' || type === 'inclusiveGateway' || ACTIVITY_TYPES.has(type)) {
    const def = el['default'] as ModdleElement | undefined;
    if (def?.id) node.defaultFlow = def.id;
  }
  if (ACTIVITY_TYPES.has(type)) {
    const loop = compileLoop(el, walk.sink, walk.exprs, walk.executable);
    if (loop) node.loop = loop;
  }
  compileAssigneeVariables(node, walk.sink);
  walk.nodes[id] = node;
  if (type === 'subProcess') {
    node.triggeredByEvent = el['triggeredByEvent'] === true;
    walkScope(walk, el, id);
  }
}

// Flowable accepts flow nodes without id (e.g. an event sub-process); the generated id must be
// stable across compiles, so it counts in document order.
function nodeIdOf(walk: ProcessWalk, el: ModdleElement, type: ElementType): string {
  if (el.id) return el.id;
  const id = walk.ids.next(`${type}_generated`, false);
  walk.sink.warning('BPMN_MISSING_ID', null, `A ${el.$type} has no id; it is called ${id}.`);
  return id;
}

function warnIgnoredExtensions(walk: ProcessWalk, el: ModdleElement, node: FlowNode): void {
  for (const ext of (el['extensionElements'] as { values?: ModdleElement[] } | undefined)?.values ?? []) {
    const what =
      IGNORED_EXTENSIONS[ext.$type] ??
      (ext.$type === 'zeebe:IoMapping' && node.type !== 'callActivity' ? 'input/output mapping' : undefined);
    if (what) walk.sink.warning('BPMN_IGNORED_EXTENSION', node.id, `${node.id}: the ${ext.$type} ${what} is imported but not executed.`);
  }
}

// Events: the trigger, and whether a boundary or start event interrupts.
function compileEventDetails(walk: ProcessWalk, el: ModdleElement, node: Mutable<FlowNode>): void {
  const { type, id } = node;
  if (type.endsWith('Event')) {
    const trigger: EventTrigger | undefined = compileTrigger(el, walk.sink, walk.exprs, walk.executable);
    if (trigger) node.trigger = trigger;
  }
  if (type === 'boundaryEvent') {
    const attached = el['attachedToRef'] as ModdleElement | undefined;
    if (attached?.id) node.attachedTo = attached.id;
    else walk.sink.executionError(walk.executable, 'BPMN_DANGLING_REFERENCE', id, `Boundary event ${id} is attached to nothing.`);
    node.interrupting = el['cancelActivity'] !== false;
  }
  if (type === 'startEvent') node.interrupting = el['isInterrupting'] !== false;
}

// Tasks: what each kind needs to run (assignment, job, script, called process, awaited message).
function compileTaskDetails(walk: ProcessWalk, el: ModdleElement, node: Mutable<FlowNode>): void {
  const { sink, exprs, executable } = walk;
  switch (node.type) {
    case 'userTask':
      node.assignment = compileAssignment(el, sink, exprs, executable);
      break;
    case 'serviceTask':
    case 'sendTask':
      node.job = compileJob(el);
      break;
    case 'scriptTask':
      compileScript(el, node, exprs, sink, executable);
      break;
    case 'callActivity': {
      const call = compileCall(el, sink, exprs, executable);
      if (call) node.call = call;
      break;
    }
    case 'receiveTask': {
      const message = el['messageRef'] as ModdleElement | undefined;
      const name = prop(message, 'name') ?? message?.id;
      if (name) node.trigger = { kind: 'message', name };
      break;
    }
  }
}

function compileFlow(walk: ProcessWalk, el: ModdleElement, scopeId: string): void {
  const { sink, executable, nodes } = walk;
  const source = (el['sourceRef'] as ModdleElement | undefined)?.id;
  const target = (el['targetRef'] as ModdleElement | undefined)?.id;
  const id = el.id || generatedFlowId(walk, source, target);
  if (!source || !target || !nodes[source] || !nodes[target]) {
    if (!source || !target) sink.executionError(executable, 'BPMN_DANGLING_REFERENCE', id, `Sequence flow ${id} points to nothing.`);
    return;
  }
  if (nodes[source].scope !== scopeId || nodes[target].scope !== scopeId) {
    sink.executionError(executable, 'BPMN_STRUCTURE', id, `Sequence flow ${id} crosses a sub-process boundary.`);
    return;
  }
  const cond = bodyOf(el['conditionExpression']);
  const flow: Mutable<SequenceFlow> = { id, source, target };
  if (cond) {
    const condition = walk.exprs.formal(cond.body, id, cond.language);
    if (condition) flow.condition = condition;
  }
  if (!el.id) flow.generatedId = true;
  walk.flows[id] = flow;
  (nodes[source].outgoing as string[]).push(id);
  (nodes[target].incoming as string[]).push(id);
}

// Camunda accepts flows without id; the generated id must be stable across compiles.
function generatedFlowId(walk: ProcessWalk, source: string | undefined, target: string | undefined): string {
  const id = walk.ids.next(`flow_${source ?? 'unknown'}_${target ?? 'unknown'}`, true);
  walk.sink.warning('BPMN_MISSING_ID', null, `A sequence flow from ${source} to ${target} has no id; it is called ${id}.`);
  return id;
}

function collectIds(container: ModdleElement, into = new Set<string>()): Set<string> {
  for (const el of (container['flowElements'] as ModdleElement[] | undefined) ?? []) {
    if (el?.id) into.add(el.id);
    if (el?.['flowElements']) collectIds(el, into);
  }
  return into;
}

function compileScript(
  el: ModdleElement,
  node: Mutable<FlowNode>,
  exprs: ExpressionCompiler,
  sink: DiagnosticSink,
  executable: boolean,
): void {
  const id = el.id ?? '';
  const zScript = extension(el, 'zeebe:Script');
  const resultVariable = attr(zScript, 'resultVariable') ?? attr(el, 'camunda:resultVariable');
  const zExpression = attr(zScript, 'expression');
  const format = prop(el, 'scriptFormat');
  if (zExpression) {
    const expression = exprs.expression(zExpression, id, 'feel');
    if (expression) node.script = resultVariable ? { expression, resultVariable } : { expression };
    return;
  }
  if (!format || format.toLowerCase() !== 'feel') {
    sink.executionError(
      executable,
      'BPMN_SCRIPT_LANGUAGE',
      id,
      `Script task ${id} uses scriptFormat "${format ?? ''}"; only FEEL scripts are supported.`,
    );
    return;
  }
  const text = typeof el['script'] === 'string' ? (el['script'] as string).trim() : '';
  if (!text) {
    sink.executionError(executable, 'BPMN_STRUCTURE', id, `Script task ${id} has no script.`);
    return;
  }
  const expression = exprs.expression(text, id, 'feel');
  if (expression) node.script = resultVariable ? { expression, resultVariable } : { expression };
}
