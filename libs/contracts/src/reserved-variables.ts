/**
 * Process variables the engine and the server own. A caller (a task form, a start request) or an
 * external worker may not set them: `initiator` names who started the instance, `documentId` and
 * `direction` tie an instance to its 公文, `dueAt` (with its 催办 times `dueRemindAt` and
 * `overdueAt`) is computed from the document's deadline and follows the calendar,
 * `signedVersionChanged` says whether the 公文 changed since its 签发 (the server compares digests), and
 * names starting with `_` are internal. A request that sets one is refused (422), nothing written.
 */
export const RESERVED_VARIABLES: readonly string[] = [
  'initiator',
  'documentId',
  'direction',
  'dueAt',
  'dueRemindAt',
  'overdueAt',
  'signedVersionChanged',
];

export function isReservedVariable(name: string): boolean {
  return name.startsWith('_') || RESERVED_VARIABLES.includes(name);
}

/** The reserved names a variables object sets, in order; empty when it sets none. */
export function reservedVariablesIn(variables: Record<string, unknown> | null | undefined): string[] {
  return variables ? Object.keys(variables).filter(isReservedVariable) : [];
}
