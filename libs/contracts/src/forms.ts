// Task forms (form-js schemas, keyed by `oa:formKey`): request and response schemas.
import * as z from 'zod';

/** A form key as `oa:formKey` names it: letters and digits, then also `:` `.` `_` `-`, 200 at most. */
export const FORM_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,199}$/;
export const FormKeySchema = z.string().regex(FORM_KEY_PATTERN, 'not a valid form key');

/** The largest form schema accepted, as JSON text (UTF-8 bytes). */
export const MAX_FORM_SCHEMA_BYTES = 256 * 1024;
/** The deepest nesting of objects and arrays accepted in a form schema. */
export const MAX_FORM_SCHEMA_DEPTH = 32;

/** A form-js schema: `type: 'default'` and its `components`; everything else is form-js's own. */
export const FormJsSchemaSchema = z
  .looseObject({
    type: z.literal('default'),
    components: z.array(z.looseObject({})),
  })
  .meta({ id: 'FormJsSchema' });
export type FormJsSchema = z.infer<typeof FormJsSchemaSchema>;

/** PUT /forms/:key — a new version of the form. Unknown fields are refused. */
export const SaveFormSchema = z.strictObject({ schema: FormJsSchemaSchema }).meta({ id: 'SaveForm' });
export type SaveForm = z.infer<typeof SaveFormSchema>;

/** One version of a form. */
export const FormSchema = z
  .object({
    key: z.string(),
    version: z.number().int(),
    schema: FormJsSchemaSchema,
    updatedAt: z.string(),
    /** the username of who saved this version (`system` for the shipped forms) */
    updatedBy: z.string(),
  })
  .meta({ id: 'Form' });
export type Form = z.infer<typeof FormSchema>;

export const FormSummarySchema = FormSchema.omit({ schema: true }).meta({ id: 'FormSummary' });
export type FormSummary = z.infer<typeof FormSummarySchema>;

/** The latest version of each form key. */
export const FormListSchema = z.object({ items: z.array(FormSummarySchema) }).meta({ id: 'FormList' });
export type FormList = z.infer<typeof FormListSchema>;

/**
 * An opinion field (意见字段): a form field whose text is an opinion of the step, marked in the
 * form-js schema by the custom property `opinion` naming its kind (`"properties": {"opinion":
 * "instruction"}`; the form editor's 自定义属性). Completing the task stores the text as an opinion
 * of that kind, bound to the document version, besides the process variable.
 */
export interface OpinionField {
  key: string;
  kind: string;
  label: string | null;
}

/** The opinion fields of a form schema, at any depth (groups), in the schema's order. */
export function opinionFieldsOf(schema: unknown): OpinionField[] {
  const found: OpinionField[] = [];
  const visit = (components: unknown): void => {
    if (!Array.isArray(components)) return;
    for (const c of components as Record<string, unknown>[]) {
      if (!c || typeof c !== 'object') continue;
      const kind = (c['properties'] as Record<string, unknown> | undefined)?.['opinion'];
      if (typeof kind === 'string' && kind && typeof c['key'] === 'string')
        found.push({ key: c['key'], kind, label: typeof c['label'] === 'string' ? c['label'] : null });
      visit(c['components']);
    }
  };
  visit((schema as { components?: unknown } | null)?.components);
  return found;
}

/**
 * The vote field (表决字段) of a form: a field marked `"properties": {"vote": "<opinion kind>"}`
 * whose value `agree`/`disagree` (or true/false) is the 同意/不同意 of the step's opinion of that kind
 * and the completion's outcome (会签: `oa:countersign` counts it). null when the form has none.
 */
export interface VoteField {
  key: string;
  kind: string;
}

export function voteFieldOf(schema: unknown): VoteField | null {
  let found: VoteField | null = null;
  const visit = (components: unknown): void => {
    if (!Array.isArray(components) || found) return;
    for (const c of components as Record<string, unknown>[]) {
      if (!c || typeof c !== 'object') continue;
      const kind = (c['properties'] as Record<string, unknown> | undefined)?.['vote'];
      if (typeof kind === 'string' && kind && typeof c['key'] === 'string') {
        found = { key: c['key'], kind };
        return;
      }
      visit(c['components']);
    }
  };
  visit((schema as { components?: unknown } | null)?.components);
  return found;
}

/** A vote field's value as 同意 (true) / 不同意 (false); undefined when not given or not a vote. */
export function voteOf(value: unknown): boolean | undefined {
  if (value === true || value === 'agree' || value === 'yes') return true;
  if (value === false || value === 'disagree' || value === 'no') return false;
  return undefined;
}
