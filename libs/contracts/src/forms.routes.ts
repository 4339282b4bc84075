import type { ApiRoute } from './api-route';
import { FormListSchema, FormSchema, SaveFormSchema } from './forms';

/** Routes of the task forms (form-js schemas, versioned per key). */
export const FORM_ROUTES = [
  { method: 'GET', path: '/forms', tag: 'forms', summary: 'Task forms (latest version of each key)', responses: { 200: FormListSchema } },
  { method: 'GET', path: '/forms/:key', tag: 'forms', summary: 'The latest version of one task form', responses: { 200: FormSchema } },
  {
    method: 'PUT',
    path: '/forms/:key',
    tag: 'forms',
    summary: 'Save a form-js schema as the next version of a form (older versions are kept)',
    roles: ['workflow_admin'],
    body: SaveFormSchema,
    responses: { 200: FormSchema },
  },
] as const satisfies readonly ApiRoute[];
