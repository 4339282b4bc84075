import type { ApiRoute } from './api-route';
import { TotpActivateSchema, TotpEnrolmentSchema, TotpRecoveryCodesSchema } from './second-factor';

/** Routes of the second factor (TOTP). */
export const SECOND_FACTOR_ROUTES = [
  {
    method: 'POST',
    path: '/auth/totp/enroll',
    tag: 'auth',
    summary: 'A new TOTP secret and its QR code for the signed-in user (an enrolment-only sign-in may call it)',
    responses: { 200: TotpEnrolmentSchema },
  },
  {
    method: 'POST',
    path: '/auth/totp/activate',
    tag: 'auth',
    summary: 'Activate the enrolled secret with a code; answers ten one-time recovery codes once (ends an enrolment-only session)',
    body: TotpActivateSchema,
    responses: { 200: TotpRecoveryCodesSchema },
  },
  {
    method: 'POST',
    path: '/users/:id/totp-reset',
    tag: 'org',
    summary: "Remove a user's second factor and end their sessions (security admin; never their own)",
    roles: ['security_admin'],
    responses: { 204: null },
  },
] as const satisfies readonly ApiRoute[];
