import type { ApiRoute } from './api-route';
import { SetClearanceSchema } from './clearance';
import { UserSchema } from './org';

/** Routes of clearances (涉密等级). */
export const CLEARANCE_ROUTES = [
  {
    method: 'PUT',
    path: '/users/:id/clearance',
    tag: 'org',
    summary: "Set a user's clearance 涉密等级 (security admin; never their own)",
    roles: ['security_admin'],
    body: SetClearanceSchema,
    responses: { 200: UserSchema },
  },
] as const satisfies readonly ApiRoute[];
