import { type PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';
import { ValidationError } from '../errors/domain-error';

/** Validates a body or query against a contract schema; unknown fields are rejected (strict). */
export class ZodValidationPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}

  transform(value: unknown): T {
    const parsed = this.schema.safeParse(value ?? {});
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
      throw new ValidationError(`Invalid input: ${details.map((d) => `${d.path || '(body)'} ${d.message}`).join('; ')}`, details);
    }
    return parsed.data;
  }
}

export const validate = <T>(schema: ZodType<T>) => new ZodValidationPipe(schema);
