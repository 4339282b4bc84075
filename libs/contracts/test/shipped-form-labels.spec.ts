import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SECRET_LEVEL_NAMES, URGENCY_NAMES } from '../src/document-labels';

const WORKFLOWS = join(__dirname, '../../../workflows');

interface FormField {
  key?: string;
  values?: { label: string; value: string }[];
  components?: FormField[];
}

/** Every field of every shipped form, nested groups included. */
function shippedFields(): { form: string; field: FormField }[] {
  const out: { form: string; field: FormField }[] = [];
  const walk = (form: string, fields: FormField[] = []): void => {
    for (const field of fields) {
      out.push({ form, field });
      walk(form, field.components);
    }
  };
  for (const dir of readdirSync(WORKFLOWS, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(join(WORKFLOWS, dir.name)).filter((f) => f.endsWith('.form'))) {
      const form = JSON.parse(readFileSync(join(WORKFLOWS, dir.name, file), 'utf8')) as FormField;
      walk(`${dir.name}/${file}`, form.components);
    }
  }
  return out;
}

describe('the 公文 value names', () => {
  it('should name an unclassified document 非密 and a normal one 一般', () => {
    expect(SECRET_LEVEL_NAMES.NONE).toBe('非密');
    expect(URGENCY_NAMES).toEqual({ NONE: '一般', URGENT: '加急', EXTRA_URGENT: '特急' });
  });

  it('should label the 密级 and 紧急程度 options of every shipped form with the same names', () => {
    // Given every select or radio of the shipped forms bound to secretLevel or urgency
    const names: Record<string, Record<string, string>> = { secretLevel: SECRET_LEVEL_NAMES, urgency: URGENCY_NAMES };
    const bound = shippedFields().filter(({ field }) => field.key && names[field.key] && field.values);
    expect(bound.length).toBeGreaterThanOrEqual(4);
    // Then each option's label is the contracts' name of its value
    for (const { form, field } of bound) {
      const expected = names[field.key as string];
      expect({ form, options: field.values }).toEqual({
        form,
        options: field.values?.map((o) => ({ label: expected[o.value], value: o.value })),
      });
    }
  });
});
