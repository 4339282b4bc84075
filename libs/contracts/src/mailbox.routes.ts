import type { ApiRoute } from './api-route';
import {
  CreateLetterSchema,
  LetterListSchema,
  LetterQuerySchema,
  LetterReceiptSchema,
  LetterSchema,
  PublicLetterSchema,
  PublishLetterSchema,
  ReplyLetterSchema,
  RequestExtensionSchema,
} from './mailbox';

/** Routes of the leader mailbox (领导信箱): public intake and query, the office's and the department's steps. */
export const MAILBOX_ROUTES = [
  {
    method: 'POST',
    path: '/public/letters',
    tag: 'mailbox',
    summary: 'Write to the leader without signing in (rate-limited per IP); returns the query code once',
    public: true,
    body: CreateLetterSchema,
    responses: { 201: LetterReceiptSchema },
  },
  {
    method: 'GET',
    path: '/public/letters/:code',
    tag: 'mailbox',
    summary: 'The status and the published reply of a letter, personal data masked',
    public: true,
    responses: { 200: PublicLetterSchema },
  },
  {
    method: 'GET',
    path: '/letters',
    tag: 'mailbox',
    summary: 'Letters to the leader (office clerks and leaders)',
    roles: ['clerk', 'leader', 'workflow_admin'],
    query: LetterQuerySchema,
    responses: { 200: LetterListSchema },
  },
  {
    method: 'GET',
    path: '/letters/:id',
    tag: 'mailbox',
    summary: 'One letter with its extensions and reply (whoever may read its process)',
    responses: { 200: LetterSchema },
  },
  {
    method: 'POST',
    path: '/letters/:id/extensions',
    tag: 'mailbox',
    summary: 'The handling department asks for more working days (15 in all at most)',
    body: RequestExtensionSchema,
    responses: { 201: LetterSchema },
  },
  {
    method: 'POST',
    path: '/letters/:id/reply',
    tag: 'mailbox',
    summary: 'The handling department replies (completes 承办答复)',
    body: ReplyLetterSchema,
    responses: { 200: LetterSchema },
  },
  {
    method: 'POST',
    path: '/letters/:id/publish',
    tag: 'mailbox',
    summary: 'Publish the approved reply with personal data masked (completes 公开答复)',
    body: PublishLetterSchema,
    responses: { 200: LetterSchema },
  },
] as const satisfies readonly ApiRoute[];
