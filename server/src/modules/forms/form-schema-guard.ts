import { FormJsSchemaSchema, type FormJsSchema, MAX_FORM_SCHEMA_BYTES, MAX_FORM_SCHEMA_DEPTH } from '@liuzhuan/contracts';
import { FormErrors } from './forms.errors';

/** Keys that could reach a prototype when a client merges the schema into an object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks a form schema as it came off the wire, before anything is stored: its size as JSON,
 * its nesting depth, no prototype-pollution keys at any level, then the form-js shape
 * (`type: 'default'`, a `components` array of objects). Returns the JSON text to store.
 */
export function checkFormSchema(input: unknown): { schema: FormJsSchema; json: string } {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw FormErrors.notAnObject();
  }
  walk(input, 1, '');
  const json = JSON.stringify(input);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_FORM_SCHEMA_BYTES) {
    throw FormErrors.tooLarge(bytes);
  }
  const parsed = FormJsSchemaSchema.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: ['schema', ...i.path].join('.'), message: i.message, code: i.code }));
    throw FormErrors.notFormJs(details);
  }
  // the stored text is the input as sent (zod's copy could drop or reorder nothing, but the input is what was checked)
  return { schema: JSON.parse(json) as FormJsSchema, json };
}

function walk(value: unknown, depth: number, path: string): void {
  if (value === null || typeof value !== 'object') return;
  if (depth > MAX_FORM_SCHEMA_DEPTH) {
    throw FormErrors.tooDeep(path);
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, depth + 1, `${path}[${i}]`));
    return;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw FormErrors.forbiddenKey(key, path ? `${path}.${key}` : key);
    walk((value as Record<string, unknown>)[key], depth + 1, path ? `${path}.${key}` : key);
  }
}
