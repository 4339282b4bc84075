import { ERROR_CODES, type ErrorCode } from '@liuzhuan/contracts';

/**
 * A command that does not fit the current state or the rules: a rejection the user caused.
 * Services throw these; one exception filter maps them to HTTP. Services never throw HTTP errors.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('VALIDATION_FAILED', message, details);
  }
}
