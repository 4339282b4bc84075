// A user's contact data (phone, 身份证 number): personal data, encrypted at rest, masked in answers.
import * as z from 'zod';
import type { ApiRoute } from './api-route';

const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;
const ID_NUMBER = /^\d{17}[\dXx]$/;

/** The user's own view is in clear; anyone else (the system admin) sees 138****1234 and 4201**********1234. */
export const UserContactSchema = z
  .object({ userId: z.string(), phone: z.string().nullable(), idNumber: z.string().nullable(), masked: z.boolean() })
  .meta({ id: 'UserContact' });
export type UserContact = z.infer<typeof UserContactSchema>;

/** A field left out stays as it is; `null` removes it. */
export const UpdateUserContactSchema = z
  .strictObject({
    phone: z.string().trim().regex(PHONE).nullable().optional(),
    idNumber: z.string().trim().regex(ID_NUMBER).nullable().optional(),
  })
  .meta({ id: 'UpdateUserContact' });
export type UpdateUserContact = z.infer<typeof UpdateUserContactSchema>;

export const USER_CONTACT_ROUTES = [
  {
    method: 'GET',
    path: '/users/:id/contact',
    tag: 'org',
    summary: "A user's phone and 身份证 number: in clear to the user, masked to the system admin",
    responses: { 200: UserContactSchema },
  },
  {
    method: 'PUT',
    path: '/users/:id/contact',
    tag: 'org',
    summary: "Set a user's phone and 身份证 number (the user or the system admin); stored SM4-encrypted",
    body: UpdateUserContactSchema,
    responses: { 200: UserContactSchema },
  },
] as const satisfies readonly ApiRoute[];
