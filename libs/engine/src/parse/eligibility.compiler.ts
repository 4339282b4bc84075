// oa:assigneeFrom on user tasks and the starters of a process (camunda:candidateStarterGroups /
// candidateStarterUsers, their oa: equivalents, oa:startVia).
import { parseEligibleSources, type EligibleSource, type StartRule } from '../model/eligibility';
import type { FlowNode, ValueTemplate } from '../model/process.model';
import type { DiagnosticSink } from './diagnostic';
import { attr, firstOf } from './extension-reader';
import type { Mutable } from './process-structure';
import type { ModdleElement } from './moddle-reader';

/** Variables the engine sets itself (a caller cannot name them): they need no source. */
const ENGINE_OWNED = new Set(['initiator']);
const IDENTIFIER = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/;

/** The `oa:assigneeFrom` of a user task, parsed; an entry that is not a source is an error naming the task. */
export function compileAssigneeFrom(el: ModdleElement, sink: DiagnosticSink, executable: boolean): EligibleSource[] | undefined {
  const text = attr(el, 'oa:assigneeFrom');
  if (text === undefined) return undefined;
  const id = el.id ?? '';
  const { sources, unknown } = parseEligibleSources(text);
  for (const entry of unknown) {
    sink.executionError(
      executable,
      'BPMN_ASSIGNEE_SOURCE',
      id,
      `Unknown source "${entry}" in oa:assigneeFrom on ${id} (group:<code>, role:<role>, org:<code>, org-heads, initiator-org).`,
    );
  }
  if (!sources.length && !unknown.length) sink.executionError(executable, 'BPMN_ASSIGNEE_SOURCE', id, `oa:assigneeFrom on ${id} is empty.`);
  return sources.length ? sources : undefined;
}

/**
 * After the loop is compiled: which caller-set variables name the task's people, and a warning
 * when they are not bound to a source (any enabled user could be named), or when a source is
 * declared but there is no single variable to check it on.
 */
export function compileAssigneeVariables(node: Mutable<FlowNode>, sink: DiagnosticSink): void {
  const a = node.assignment;
  if (node.type !== 'userTask' || !a) return;
  const names = new Set<string>();
  const assignee = variableOf(a.assignee);
  const elementVariable = node.loop?.elementVariable;
  const collection = node.loop?.collection && IDENTIFIER.exec(node.loop.collection.body)?.[1];
  if (assignee && assignee === elementVariable) {
    if (collection) names.add(collection);
  } else if (assignee) names.add(assignee);
  const candidates = variableOf(a.candidateUsers);
  if (candidates) names.add(candidates);
  const variables = [...names].filter((n) => !ENGINE_OWNED.has(n) && !n.startsWith('_'));
  if (variables.length) (a as Mutable<typeof a>).assigneeVariables = variables;
  if (variables.length && !a.assigneeFrom) {
    sink.warning(
      'BPMN_ASSIGNEE_UNCHECKED',
      node.id,
      `${node.id} takes its people from ${variables.join(', ')}, which the caller sets: any enabled user may be named. Declare oa:assigneeFrom (e.g. group:city-leaders).`,
    );
  }
  if (!variables.length && a.assigneeFrom) {
    sink.warning(
      'BPMN_ASSIGNEE_SOURCE',
      node.id,
      `oa:assigneeFrom on ${node.id} is not checked: its assignee, candidate users or collection is not a single process variable.`,
    );
  }
}

/** `${x}` or `=x` as a whole template: the variable x. */
function variableOf(template: ValueTemplate | undefined): string | undefined {
  if (!template || template.length !== 1 || typeof template[0] === 'string') return undefined;
  return IDENTIFIER.exec(template[0].body)?.[1];
}

/** Who may start the process; undefined when it declares nothing (anyone signed in may). */
export function compileStartRule(processEl: ModdleElement, sink: DiagnosticSink, executable: boolean): StartRule | undefined {
  const id = processEl.id ?? null;
  const list = (name: 'candidateStarterGroups' | 'candidateStarterUsers'): string[] | undefined => {
    const text = firstOf(attr(processEl, `oa:${name}`), attr(processEl, `camunda:${name}`));
    if (text === undefined) return undefined;
    if (/[$#]\{|^=/.test(text)) {
      sink.executionError(executable, 'BPMN_STARTERS_INVALID', id, `${name} on ${id ?? 'the process'} must list names, not expressions.`);
      return undefined;
    }
    const names = text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return names.length ? names : undefined;
  };
  const groups = list('candidateStarterGroups');
  const users = list('candidateStarterUsers');
  const via = attr(processEl, 'oa:startVia');
  if (via !== undefined && !/^[a-z][a-z0-9-]{0,31}$/.test(via)) {
    sink.executionError(executable, 'BPMN_STARTERS_INVALID', id, `oa:startVia "${via}" on ${id ?? 'the process'} is not a module name.`);
  }
  const rule: { groups?: string[]; users?: string[]; via?: string } = {};
  if (groups) rule.groups = groups;
  if (users) rule.users = users;
  if (via !== undefined && /^[a-z][a-z0-9-]{0,31}$/.test(via)) rule.via = via;
  return Object.keys(rule).length ? rule : undefined;
}
