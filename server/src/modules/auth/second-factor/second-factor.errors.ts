import { DomainError } from '../../../platform/errors/domain-error';

/** The second factor's rejections; codes and Chinese texts are in libs/contracts second-factor.errors.ts. */
export const SecondFactorErrors = {
  codeRequired: () => new DomainError('AUTH_TOTP_REQUIRED', 'This account signs in with a second factor: send the code as totp'),
  codeInvalid: () => new DomainError('AUTH_TOTP_INVALID', 'The code or recovery code is wrong, or was used already'),
  enrolmentRequired: () =>
    new DomainError(
      'AUTH_TOTP_ENROLMENT_REQUIRED',
      'Enrol a second factor first: this sign-in is good for POST /api/auth/totp/enroll and /activate only',
    ),
  alreadyActive: () => new DomainError('TOTP_ALREADY_ACTIVE', 'A second factor is active; the security admin resets it'),
  notEnrolled: () => new DomainError('TOTP_NOT_ENROLLED', 'Call POST /api/auth/totp/enroll first'),
  activationCodeWrong: () => new DomainError('TOTP_CODE_WRONG', 'The code does not match the enrolled secret'),
  selfReset: () => new DomainError('SELF_ADMINISTRATION', 'An administrator does not reset their own second factor'),
};
