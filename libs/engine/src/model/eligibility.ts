// Who may be named for a task, and who may start a process: the model declares it, the server
// enforces it (the caller does not choose). Plain JSON, stored with the compiled model.
import type { ExecutableProcess } from './process.model';

/**
 * One source of eligible people in `oa:assigneeFrom` (a comma-separated list of these; a person
 * is eligible when an enabled user inside any of them):
 * - `group:<code>`     members of the group (e.g. `group:city-leaders`)
 * - `role:<role>`      holders of the role (e.g. `role:leader`)
 * - `org:<code>`       users of that organization or of one below it
 * - `org-heads`        heads (role `leader`) of an office, department or county organization
 * - `initiator-org`    users of the initiator's organization or of one below it
 */
export type EligibleSource =
  | { readonly kind: 'group'; readonly code: string }
  | { readonly kind: 'role'; readonly role: string }
  | { readonly kind: 'org'; readonly code: string }
  | { readonly kind: 'org-heads' }
  | { readonly kind: 'initiator-org' };

/** Who may start a process. An empty rule (no lists, no `via`) is never stored: absent means anyone. */
export interface StartRule {
  /** camunda:candidateStarterGroups (or oa:candidateStarterGroups): group codes */
  readonly groups?: readonly string[];
  /** camunda:candidateStarterUsers (or oa:candidateStarterUsers): usernames */
  readonly users?: readonly string[];
  /** oa:startVia: the process is started only by that server module (`documents`, `mailbox`), never directly */
  readonly via?: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Parses an `oa:assigneeFrom` value; `unknown` lists the entries that are not a source. */
export function parseEligibleSources(text: string): { sources: EligibleSource[]; unknown: string[] } {
  const sources: EligibleSource[] = [];
  const unknown: string[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const source = parseOne(entry);
    if (source) sources.push(source);
    else unknown.push(entry);
  }
  return { sources, unknown };
}

function parseOne(entry: string): EligibleSource | undefined {
  if (entry === 'org-heads') return { kind: 'org-heads' };
  if (entry === 'initiator-org') return { kind: 'initiator-org' };
  const colon = entry.indexOf(':');
  if (colon < 0) return undefined;
  const [prefix, value] = [entry.slice(0, colon).trim(), entry.slice(colon + 1).trim()];
  if (!NAME.test(value)) return undefined;
  if (prefix === 'group') return { kind: 'group', code: value };
  if (prefix === 'role') return { kind: 'role', role: value };
  if (prefix === 'org') return { kind: 'org', code: value };
  return undefined;
}

/** The text form of a source, as written in `oa:assigneeFrom`. */
export function formatEligibleSource(source: EligibleSource): string {
  switch (source.kind) {
    case 'group':
      return `group:${source.code}`;
    case 'role':
      return `role:${source.role}`;
    case 'org':
      return `org:${source.code}`;
    default:
      return source.kind;
  }
}

/** A user task whose people come from caller-set variables and whose model says where they must come from. */
export interface EligibilityRule {
  readonly elementId: string;
  readonly name: string | null;
  /** the variables that name its people (a username, or a list of usernames) */
  readonly variables: readonly string[];
  readonly sources: readonly EligibleSource[];
}

/** Every user task of the process that declares `oa:assigneeFrom` and takes its people from a variable. */
export function eligibilityRules(process: ExecutableProcess): EligibilityRule[] {
  const rules: EligibilityRule[] = [];
  for (const node of Object.values(process.nodes)) {
    const a = node.assignment;
    if (node.type !== 'userTask' || !a?.assigneeFrom?.length || !a.assigneeVariables?.length) continue;
    rules.push({ elementId: node.id, name: node.name, variables: a.assigneeVariables, sources: a.assigneeFrom });
  }
  return rules;
}

/**
 * Where a chosen handler of a step must come from (选择下一步办理人): its `oa:assigneeFrom`, else
 * its literal candidate groups. Undefined when the step is not a single user task whose people
 * a group holds (a multi-instance step takes its people from its collection variable instead).
 */
export function pickSources(process: ExecutableProcess, elementId: string): EligibleSource[] | undefined {
  const node = process.nodes[elementId];
  if (!node || node.type !== 'userTask' || node.loop) return undefined;
  const a = node.assignment;
  if (a?.assigneeFrom?.length) return [...a.assigneeFrom];
  const groups = (a?.candidateGroups ?? []).every((part) => typeof part === 'string') ? (a?.candidateGroups ?? []).join('') : '';
  const sources = groups
    .split(',')
    .map((g) => g.trim())
    .filter((g) => NAME.test(g))
    .map((code): EligibleSource => ({ kind: 'group', code }));
  return sources.length ? sources : undefined;
}

const PASS_THROUGH = new Set(['exclusiveGateway', 'inclusiveGateway', 'parallelGateway', 'eventBasedGateway', 'intermediateThrowEvent']);

/**
 * The user tasks a token leaving this element can reach next: along its outgoing flows, through
 * gateways (every branch, conditions not evaluated: the caller names steps, the engine decides
 * which ones open). In model order.
 */
export function nextUserTasks(process: ExecutableProcess, elementId: string): string[] {
  const found = new Set<string>();
  const seen = new Set<string>([elementId]);
  const queue = [...(process.nodes[elementId]?.outgoing ?? [])];
  while (queue.length) {
    const target = process.nodes[process.flows[queue.shift() as string]?.target ?? ''];
    if (!target || seen.has(target.id)) continue;
    seen.add(target.id);
    if (target.type === 'userTask') found.add(target.id);
    else if (PASS_THROUGH.has(target.type)) queue.push(...target.outgoing);
  }
  return process.nodeList.map((n) => n.id).filter((id) => found.has(id));
}
