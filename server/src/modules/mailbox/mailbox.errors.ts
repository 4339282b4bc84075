import { LETTER_MAX_WORKDAYS } from '@liuzhuan/contracts';
import { DomainError } from '../../platform/errors/domain-error';

/** The mailbox module's rejections (领导信箱); codes and Chinese texts are in libs/contracts mailbox.errors.ts. */
export const MailboxErrors = {
  rateLimited: (perAddress: number, windowMinutes: number) =>
    new DomainError('RATE_LIMITED', `At most ${perAddress} letters per ${windowMinutes} minutes from one address`),
  processNotDeployed: (key: string) => new DomainError('DEFINITION_NOT_FOUND', `The process ${key} is not deployed`),
  /** an unknown query code and a wrong one look the same */
  codeNotFound: () => new DomainError('LETTER_NOT_FOUND', 'No letter with this query code'),
  notFound: (id: string) => new DomainError('LETTER_NOT_FOUND', `Letter ${id} not found`),
  extensionLimit: (timeLimitWorkdays: number, requested: number) =>
    new DomainError(
      'LETTER_EXTENSION_LIMIT',
      `The time limit would be ${timeLimitWorkdays + requested} working days; at most ${LETTER_MAX_WORKDAYS}`,
      { timeLimitWorkdays, requested, max: LETTER_MAX_WORKDAYS },
    ),
  noReply: (id: string) => new DomainError('LETTER_NOT_IN_STEP', `Letter ${id} has no reply to publish`),
  notInStep: (id: string, elementId: string) => new DomainError('LETTER_NOT_IN_STEP', `Letter ${id} is not at ${elementId}`),
  captchaRequired: () => new DomainError('CAPTCHA_REQUIRED', 'A letter needs the captcha of GET /api/public/captcha and its answer'),
  /** wrong, expired and already used look the same */
  captchaInvalid: () => new DomainError('CAPTCHA_INVALID', 'The captcha answer is wrong, or the captcha expired or was used'),
  notYours: (id: string, elementId: string) => new DomainError('LETTER_NOT_YOURS', `The ${elementId} step of letter ${id} is not yours`),
};
