// Reads vendor attributes and extension elements from the three namespaces we import:
// camunda: (Camunda 7 / Flowable-style), zeebe: (Camunda 8) and our own oa:.
import type { ModdleElement } from './moddle-reader';

type Gettable = ModdleElement & { get?: (name: string) => unknown };

// An attribute such as `camunda:assignee`, whether declared by a descriptor or unknown.
export function attr(element: ModdleElement | undefined, qualified: string): string | undefined {
  if (!element) return undefined;
  const g = element as Gettable;
  let value: unknown;
  if (typeof g.get === 'function') {
    try {
      value = g.get(qualified);
    } catch {
      // moddle throws for a prefix it does not know; fall through to the raw attributes
      value = undefined;
    }
  }
  if (value === undefined || value === null) value = element.$attrs?.[qualified];
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

// Extension elements of one type, e.g. `zeebe:TaskDefinition` or `camunda:In`.
export function extensions(element: ModdleElement | undefined, type: string): ModdleElement[] {
  const ext = element?.['extensionElements'] as { values?: ModdleElement[] } | undefined;
  if (!ext?.values) return [];
  return ext.values.filter((v) => v.$type === type);
}

export function extension(element: ModdleElement | undefined, type: string): ModdleElement | undefined {
  return extensions(element, type)[0];
}

// A property of a moddle element (declared or not) as trimmed text.
export function prop(element: ModdleElement | undefined, name: string): string | undefined {
  if (!element) return undefined;
  const value = element[name] ?? element.$attrs?.[name];
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

// The body of a bpmn:FormalExpression (conditionExpression, timeDuration, …).
export function bodyOf(expression: unknown): { body: string; language?: string } | undefined {
  if (!expression || typeof expression !== 'object') return undefined;
  const e = expression as { body?: unknown; language?: unknown };
  if (typeof e.body !== 'string') return undefined;
  const body = e.body.trim();
  if (body === '') return undefined;
  return { body, language: typeof e.language === 'string' && e.language.trim() ? e.language : undefined };
}

// The `oa:`, then `zeebe:`, then `camunda:` value of an assignment-like attribute.
export function firstOf(...values: (string | undefined)[]): string | undefined {
  for (const v of values) if (v !== undefined) return v;
  return undefined;
}
