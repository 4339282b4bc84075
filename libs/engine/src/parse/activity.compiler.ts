// Activity details: assignment (camunda:/zeebe:/oa:), multi-instance, jobs, FEEL scripts and
// call activities. BPMN 2.0 §10.3 (activities), §10.3.6 (loop characteristics).
import type { AssignmentSpec, CallSpec, CountersignRule, MultiInstanceSpec, VariableMapping } from '../model/process.model';
import type { DiagnosticSink } from './diagnostic';
import { compileAssigneeFrom } from './eligibility.compiler';
import type { ExpressionCompiler } from './expression-compiler';
import { attr, bodyOf, extension, extensions, firstOf } from './extension-reader';
import type { ModdleElement } from './moddle-reader';

export function compileAssignment(el: ModdleElement, sink: DiagnosticSink, exprs: ExpressionCompiler, executable: boolean): AssignmentSpec {
  const assigneeFrom = compileAssigneeFrom(el, sink, executable);
  const id = el.id ?? '';
  const zAssign = extension(el, 'zeebe:AssignmentDefinition');
  const zSchedule = extension(el, 'zeebe:TaskSchedule');
  const zForm = extension(el, 'zeebe:FormDefinition');
  const workdaysText = attr(el, 'oa:dueWorkdays');
  let dueWorkdays: number | undefined;
  if (workdaysText !== undefined) {
    const n = Number(workdaysText);
    if (Number.isFinite(n) && n >= 0) dueWorkdays = n;
    else sink.executionError(executable, 'BPMN_TIMER_INVALID', id, `Invalid oa:dueWorkdays "${workdaysText}" on ${id}.`);
  }
  const spec: AssignmentSpec = {
    assignee: exprs.template(firstOf(attr(el, 'oa:assignee'), attr(zAssign, 'assignee'), attr(el, 'camunda:assignee')), id),
    candidateUsers: exprs.template(
      firstOf(attr(el, 'oa:candidateUsers'), attr(zAssign, 'candidateUsers'), attr(el, 'camunda:candidateUsers')),
      id,
    ),
    candidateGroups: exprs.template(
      firstOf(attr(el, 'oa:candidateGroups'), attr(zAssign, 'candidateGroups'), attr(el, 'camunda:candidateGroups')),
      id,
    ),
    orgRole: attr(el, 'oa:orgRole'),
    assigneeFrom,
    dueDate: dueDateOf(el, zSchedule, exprs, id),
    dueWorkdays,
    formKey: firstOf(attr(el, 'oa:formKey'), attr(zForm, 'formKey'), attr(zForm, 'formId'), attr(el, 'camunda:formKey')),
  };
  return stripUndefined(spec);
}

// oa:dueDate is Liuzhuan's own setting, so a broken expression there is an error like any other
// oa: value; the Camunda and Zeebe due dates stay hints (a warning, the value ignored).
function dueDateOf(el: ModdleElement, zSchedule: ModdleElement | undefined, exprs: ExpressionCompiler, id: string) {
  const own = attr(el, 'oa:dueDate');
  if (own !== undefined) return exprs.template(own, id);
  return exprs.hintTemplate(firstOf(attr(zSchedule, 'dueDate'), attr(el, 'camunda:dueDate')), id);
}

export function compileLoop(
  el: ModdleElement,
  sink: DiagnosticSink,
  exprs: ExpressionCompiler,
  executable: boolean,
): MultiInstanceSpec | undefined {
  const id = el.id ?? '';
  const loop = el['loopCharacteristics'] as ModdleElement | undefined;
  const countersignText = attr(el, 'oa:countersign');
  if (!loop) {
    if (countersignText)
      sink.warning('BPMN_STRUCTURE', id, `oa:countersign on ${id} has no effect without multi-instance characteristics.`);
    return undefined;
  }
  if (loop.$type === 'bpmn:StandardLoopCharacteristics') {
    sink.executionError(executable, 'BPMN_UNSUPPORTED_ELEMENT', id, `Standard loop on ${id} is not supported; use multi-instance.`);
    return undefined;
  }
  const z = extension(loop, 'zeebe:LoopCharacteristics');
  const cardinality = bodyOf(loop['loopCardinality']);
  const completion = bodyOf(loop['completionCondition']);
  const collectionText = firstOf(attr(z, 'inputCollection'), attr(loop, 'camunda:collection'));
  const elementVariable = firstOf(attr(z, 'inputElement'), attr(loop, 'camunda:elementVariable'));
  const spec: MultiInstanceSpec = {
    sequential: loop['isSequential'] === true,
    cardinality: cardinality ? exprs.formal(cardinality.body, id, cardinality.language) : undefined,
    collection: collectionText ? exprs.expression(collectionText, id) : undefined,
    elementVariable,
    completionCondition: completion ? exprs.formal(completion.body, id, completion.language) : undefined,
    countersign: countersignText ? parseCountersign(countersignText, id, sink, executable) : undefined,
  };
  if (!spec.cardinality && !spec.collection) {
    sink.executionError(executable, 'BPMN_STRUCTURE', id, `Multi-instance ${id} needs a loop cardinality or a collection.`);
  }
  return stripUndefined(spec);
}

function parseCountersign(text: string, id: string, sink: DiagnosticSink, executable: boolean): CountersignRule | undefined {
  if (text === 'all' || text === 'any' || text === 'veto') return { kind: text };
  const ratio = /^ratio:(0(?:\.\d+)?|1(?:\.0+)?)$/.exec(text);
  if (ratio && Number(ratio[1]) > 0) return { kind: 'ratio', ratio: Number(ratio[1]) };
  sink.executionError(executable, 'BPMN_STRUCTURE', id, `Invalid oa:countersign "${text}" on ${id} (all, any, veto or ratio:0.6).`);
  return undefined;
}

// Service and send tasks run as async jobs; the handler name comes from whichever vendor set it.
export function compileJob(el: ModdleElement): { type: string; retries: number } {
  const zTask = extension(el, 'zeebe:TaskDefinition');
  const type = firstOf(
    attr(el, 'oa:handler'),
    attr(zTask, 'type'),
    attr(el, 'camunda:topic'),
    attr(el, 'camunda:class'),
    attr(el, 'camunda:delegateExpression'),
    attr(el, 'camunda:expression'),
    attr(el, 'implementation') === '##WebService' ? undefined : attr(el, 'implementation'),
  );
  const retries = Number(attr(zTask, 'retries') ?? 3);
  return { type: type ?? el.id ?? 'job', retries: Number.isInteger(retries) && retries >= 0 ? retries : 3 };
}

export function compileCall(el: ModdleElement, sink: DiagnosticSink, exprs: ExpressionCompiler, executable: boolean): CallSpec | undefined {
  const id = el.id ?? '';
  const zCalled = extension(el, 'zeebe:CalledElement');
  const processKey = firstOf(attr(zCalled, 'processId'), attr(el, 'calledElement'));
  if (!processKey) {
    sink.executionError(executable, 'BPMN_STRUCTURE', id, `Call activity ${id} names no called process.`);
    return undefined;
  }
  const binding = attr(el, 'camunda:calledElementBinding');
  const versionText = attr(el, 'camunda:calledElementVersion');
  const version = binding === 'version' && versionText && /^\d+$/.test(versionText) ? Number(versionText) : 'latest';
  const inputs = mappings(el, 'camunda:In', 'input', exprs);
  const outputs = mappings(el, 'camunda:Out', 'output', exprs);
  // Zeebe propagates all child variables unless told otherwise; Camunda passes only what is
  // mapped. With no mapping at all we copy everything in both directions.
  return {
    processKey,
    version,
    inputs: inputs.length ? inputs : [{}],
    outputs: outputs.length || attr(zCalled, 'propagateAllChildVariables') === 'false' ? outputs : [{}],
  };
}

function mappings(el: ModdleElement, camundaType: string, zeebeKind: 'input' | 'output', exprs: ExpressionCompiler): VariableMapping[] {
  const id = el.id ?? '';
  const result: VariableMapping[] = [];
  for (const m of extensions(el, camundaType)) {
    if (attr(m, 'variables') === 'all') {
      result.push({});
      continue;
    }
    const target = attr(m, 'target');
    const sourceText = firstOf(attr(m, 'sourceExpression'), attr(m, 'source'));
    if (!target || !sourceText) continue;
    const source = exprs.expression(sourceText, id);
    if (source) result.push({ source, target });
  }
  const io = extension(el, 'zeebe:IoMapping');
  const params = (io?.[zeebeKind === 'input' ? 'inputParameters' : 'outputParameters'] as ModdleElement[] | undefined) ?? [];
  for (const p of params) {
    const target = attr(p, 'target');
    const sourceText = attr(p, 'source');
    if (!target || !sourceText) continue;
    const source = exprs.expression(sourceText, id);
    if (source) result.push({ source, target });
  }
  return result;
}

function stripUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
