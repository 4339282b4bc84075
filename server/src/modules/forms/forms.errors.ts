import { MAX_FORM_SCHEMA_BYTES, MAX_FORM_SCHEMA_DEPTH } from '@liuzhuan/contracts';
import { DomainError } from '../../platform/errors/domain-error';

/** The forms module's rejections; codes and Chinese texts are in libs/contracts forms.errors.ts. */
export const FormErrors = {
  notFound: (key: string) => new DomainError('FORM_NOT_FOUND', `No form with the key ${key}`),
  notAnObject: () => new DomainError('FORM_SCHEMA_INVALID', 'The form schema must be a JSON object'),
  tooLarge: (bytes: number) =>
    new DomainError('FORM_SCHEMA_TOO_LARGE', `The form schema is ${bytes} bytes; at most ${MAX_FORM_SCHEMA_BYTES} are accepted`, {
      bytes,
      max: MAX_FORM_SCHEMA_BYTES,
    }),
  notFormJs: (details: { path: string; message: string; code: string }[]) =>
    new DomainError('FORM_SCHEMA_INVALID', `Not a form-js schema: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`, details),
  tooDeep: (path: string) =>
    new DomainError(
      'FORM_SCHEMA_INVALID',
      `The form schema is nested deeper than ${MAX_FORM_SCHEMA_DEPTH} levels (at ${path || 'schema'})`,
      {
        path,
        maxDepth: MAX_FORM_SCHEMA_DEPTH,
      },
    ),
  forbiddenKey: (key: string, path: string) =>
    new DomainError('FORM_SCHEMA_INVALID', `The form schema may not contain the key "${key}"`, { path }),
};
