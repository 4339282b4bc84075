// Reading and writing the `oa:` attributes of a BPMN element, exactly as libs/engine reads them
// (parse/activity.compiler.ts: attr(el, 'oa:assignee') …). Kept free of bpmn-js so it is testable.
import { OA_DESCRIPTOR, oaDescriptorBeside, parseEligibleSources, type ModdleDescriptor } from '@liuzhuan/engine/model';
import camundaDescriptor from 'camunda-bpmn-moddle/resources/camunda.json';

/** The `oa:` attributes the designer edits on a user task (办理人, 候选组, 组织角色, 办理时限, 会签, 表单). */
export const OA_TASK_ATTRIBUTES = [
  'assignee',
  'candidateGroups',
  'orgRole',
  'assigneeFrom',
  'dueWorkdays',
  'countersign',
  'formKey',
] as const;
export type OaTaskAttribute = (typeof OA_TASK_ATTRIBUTES)[number];

/** Countersign (会签) rules the engine accepts: all / any / veto / ratio:x with 0 < x ≤ 1. */
export const COUNTERSIGN_RULES = ['all', 'any', 'veto', 'ratio'] as const;
export type CountersignRuleKind = (typeof COUNTERSIGN_RULES)[number];

/**
 * The moddle extensions the modeler loads: camunda (so imported Camunda 7 attributes survive a
 * round trip) and the oa: descriptor beside it. Clashing names (oa:assignee, oa:candidateGroups,
 * oa:formKey …) stay undeclared and live in `$attrs`, where the engine reads them too.
 */
export function designerModdleExtensions(): Record<string, ModdleDescriptor> {
  const camunda = camundaDescriptor as unknown as ModdleDescriptor;
  return { camunda, oa: oaDescriptorBeside(camunda).descriptor };
}

/** The namespace the engine expects on `oa:` attributes. */
export const OA_NAMESPACE = (OA_DESCRIPTOR as unknown as { uri: string }).uri;

/** The part of a moddle element the helpers need (a bpmn-js businessObject). */
export interface OaBusinessObject {
  $type?: string;
  $attrs?: Record<string, unknown>;
  loopCharacteristics?: { $type?: string };
  get?: (name: string) => unknown;
}

/** The value of `oa:<name>`, declared by the descriptor or kept in `$attrs`, as trimmed text. */
export function readOa(bo: OaBusinessObject | undefined, name: OaTaskAttribute): string {
  if (!bo) return '';
  const qualified = `oa:${name}`;
  let value: unknown = typeof bo.get === 'function' ? bo.get(qualified) : undefined;
  if (value === undefined || value === null) value = bo.$attrs?.[qualified];
  return value === undefined || value === null ? '' : String(value).trim();
}

/**
 * The property map for `modeling.updateProperties` that sets `oa:<name>`; an empty value removes
 * the attribute (undefined makes moddle delete it), so no `oa:x=""` is left in the XML.
 */
export function oaUpdate(name: OaTaskAttribute, value: string | number | null | undefined): Record<string, string | undefined> {
  const text = value === null || value === undefined ? '' : String(value).trim();
  return { [`oa:${name}`]: text === '' ? undefined : text };
}

/** Whether the element runs as multi-instance, the only case where 会签 has an effect. */
export function isMultiInstance(bo: OaBusinessObject | undefined): boolean {
  return bo?.loopCharacteristics?.$type === 'bpmn:MultiInstanceLoopCharacteristics';
}

/**
 * Why an `oa:assigneeFrom` text (可选人员范围) would be refused at deploy, or null when it is fine:
 * a comma-separated list of group:<code>, role:<role>, org:<code>, org-heads, initiator-org.
 */
export function assigneeFromError(text: string): 'designer.oa.assigneeFromInvalid' | null {
  return parseEligibleSources(text).unknown.length ? 'designer.oa.assigneeFromInvalid' : null;
}

/** Why a 办理时限 text is not a whole number of working days ≥ 0, or null when it is fine. */
export function dueWorkdaysError(text: string): 'designer.oa.dueWorkdaysInvalid' | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d{1,4}$/.test(trimmed) ? null : 'designer.oa.dueWorkdaysInvalid';
}

/** The parts of an `oa:countersign` value, as the select + ratio field of the panel show them. */
export function parseCountersign(text: string): { kind: CountersignRuleKind | ''; ratio: string } {
  const trimmed = text.trim();
  if (trimmed === 'all' || trimmed === 'any' || trimmed === 'veto') return { kind: trimmed, ratio: '' };
  if (trimmed.startsWith('ratio:')) return { kind: 'ratio', ratio: trimmed.slice('ratio:'.length) };
  return { kind: '', ratio: '' };
}

/** The `oa:countersign` value for a rule kind and ratio ('' clears it). */
export function formatCountersign(kind: CountersignRuleKind | '', ratio: string): string {
  if (kind === '') return '';
  if (kind !== 'ratio') return kind;
  return `ratio:${ratio.trim() || '0.5'}`;
}

/** Whether a countersign value is one the engine compiles (same rule as activity.compiler.ts). */
export function isValidCountersign(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'all' || trimmed === 'any' || trimmed === 'veto') return true;
  const ratio = /^ratio:(0(?:\.\d+)?|1(?:\.0+)?)$/.exec(trimmed);
  return !!ratio && Number(ratio[1]) > 0;
}

/** Candidate groups typed with Chinese or ASCII commas and stray spaces, as the engine's comma list. */
export function normalizeGroups(text: string): string {
  return text
    .split(/[,，、\s]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .join(',');
}
