import * as z from 'zod';
import type { ApiRoute } from './api-route';
import { RetryIncidentSchema } from './approvals';
import { APPROVAL_ROUTES } from './approvals.routes';
import { DOCUMENT_ROUTES } from './documents.routes';
import { NOTIFICATION_ROUTES } from './notifications.routes';
import { MAILBOX_ROUTES } from './mailbox.routes';
import { FORM_ROUTES } from './forms.routes';
import { LoginRequestSchema, LoginResponseSchema, type Role, SessionUserSchema } from './auth';
import { HealthSchema } from './health';
import {
  CreateOrgSchema,
  CreateUserSchema,
  OrgListSchema,
  OrgSchema,
  SetRolesSchema,
  UpdateOrgSchema,
  UpdateUserSchema,
  UserListSchema,
  UserQuerySchema,
  UserSchema,
} from './org';
import {
  CalendarChangeListSchema,
  CalendarChangeQuerySchema,
  CalendarDayStatusSchema,
  CalendarYearQuerySchema,
  CalendarYearSchema,
  DueDateQuerySchema,
  DueDateSchema,
  ImportCalendarYearSchema,
  SetCalendarDaySchema,
} from './calendar';
import {
  CancelInstanceSchema,
  CompleteTaskSchema,
  CompletedTaskSchema,
  DefinitionListSchema,
  DefinitionQuerySchema,
  DefinitionSchema,
  DeployBodySchema,
  DeployResponseSchema,
  EmptyBodySchema,
  HistorySchema,
  InstanceListSchema,
  InstanceQuerySchema,
  InstanceSchema,
  JobListSchema,
  JobQuerySchema,
  JobSchema,
  MessageResultSchema,
  MessageSchema,
  SignalResultSchema,
  SignalSchema,
  StartInstanceSchema,
  StartedInstanceSchema,
  ApiKeyListSchema,
  CompleteExternalTaskSchema,
  CreateApiKeySchema,
  ExternalTaskFailureSchema,
  ExternalTaskListSchema,
  ExternalTaskSchema,
  FetchAndLockSchema,
  IssuedApiKeySchema,
  TaskListSchema,
  TaskQuerySchema,
  TaskSchema,
} from './runtime';


export type { ApiRoute } from './api-route';

const CORE_ROUTES: ApiRoute[] = [
  { method: 'GET', path: '/health', tag: 'system', summary: 'Liveness and configuration', public: true, responses: { 200: HealthSchema } },
  { method: 'POST', path: '/auth/login', tag: 'auth', summary: 'Sign in with username and password', public: true, body: LoginRequestSchema, responses: { 200: LoginResponseSchema } },
  { method: 'POST', path: '/auth/logout', tag: 'auth', summary: 'End the current session', responses: { 204: null } },
  { method: 'GET', path: '/auth/me', tag: 'auth', summary: 'The signed-in user', responses: { 200: SessionUserSchema } },
  { method: 'GET', path: '/orgs', tag: 'org', summary: 'All organizations (a tree by parentId)', responses: { 200: OrgListSchema } },
  { method: 'GET', path: '/orgs/:id', tag: 'org', summary: 'One organization', responses: { 200: OrgSchema } },
  { method: 'POST', path: '/orgs', tag: 'org', summary: 'Create an organization', roles: ['system_admin'], body: CreateOrgSchema, responses: { 201: OrgSchema } },
  { method: 'PATCH', path: '/orgs/:id', tag: 'org', summary: 'Change an organization', roles: ['system_admin'], body: UpdateOrgSchema, responses: { 200: OrgSchema } },
  { method: 'GET', path: '/users', tag: 'org', summary: 'Search users by Chinese name, pinyin or initials', query: UserQuerySchema, responses: { 200: UserListSchema } },
  { method: 'GET', path: '/users/:id', tag: 'org', summary: 'One user', responses: { 200: UserSchema } },
  { method: 'POST', path: '/users', tag: 'org', summary: 'Create a user', roles: ['system_admin'], body: CreateUserSchema, responses: { 201: UserSchema } },
  { method: 'PATCH', path: '/users/:id', tag: 'org', summary: 'Change a user', roles: ['system_admin'], body: UpdateUserSchema, responses: { 200: UserSchema } },
  { method: 'POST', path: '/users/:id/disable', tag: 'org', summary: 'Disable a user and end their sessions', roles: ['system_admin'], responses: { 200: UserSchema } },
  { method: 'POST', path: '/users/:id/enable', tag: 'org', summary: 'Enable a user', roles: ['system_admin'], responses: { 200: UserSchema } },
  { method: 'PUT', path: '/users/:id/roles', tag: 'org', summary: "Set a user's roles (security admin)", roles: ['security_admin'], body: SetRolesSchema, responses: { 200: UserSchema } },
  { method: 'GET', path: '/calendar', tag: 'calendar', summary: 'The listed days of one year (holidays, 调休 make-up workdays, local days)', query: CalendarYearQuerySchema, responses: { 200: CalendarYearSchema } },
  { method: 'GET', path: '/calendar/due', tag: 'calendar', summary: 'The deadline n working days after a date (the day itself not counted)', query: DueDateQuerySchema, responses: { 200: DueDateSchema } },
  { method: 'GET', path: '/calendar/changes', tag: 'calendar', summary: 'The change log of the calendar, newest first (who changed which day or year, and when)', roles: ['system_admin', 'auditor'], query: CalendarChangeQuerySchema, responses: { 200: CalendarChangeListSchema } },
  { method: 'PUT', path: '/calendar/days/:day', tag: 'calendar', summary: 'Set a local holiday or working day', roles: ['system_admin'], body: SetCalendarDaySchema, responses: { 200: CalendarDayStatusSchema } },
  { method: 'DELETE', path: '/calendar/days/:day', tag: 'calendar', summary: 'Remove a local day (the statutory entry applies again)', roles: ['system_admin'], responses: { 200: CalendarDayStatusSchema } },
  { method: 'POST', path: '/calendar/years/:year/import', tag: 'calendar', summary: "Load a year's statutory holidays (bundled data, or the days in the body)", roles: ['system_admin'], body: ImportCalendarYearSchema, responses: { 200: CalendarYearSchema } },
  { method: 'POST', path: '/definitions', tag: 'definitions', summary: 'Deploy BPMN 2.0 XML (a new version per process key)', roles: ['workflow_admin'], body: DeployBodySchema, bodyContentTypes: ['application/xml', 'text/xml', 'multipart/form-data'], responses: { 201: DeployResponseSchema } },
  { method: 'GET', path: '/definitions', tag: 'definitions', summary: 'Deployed processes (latest version of each key; all=true for every version)', query: DefinitionQuerySchema, responses: { 200: DefinitionListSchema } },
  { method: 'GET', path: '/definitions/:id', tag: 'definitions', summary: 'One deployed process version', responses: { 200: DefinitionSchema } },
  { method: 'GET', path: '/definitions/:id/xml', tag: 'definitions', summary: 'The BPMN XML a version was deployed from', responses: { 200: DeployBodySchema } },
  { method: 'POST', path: '/instances', tag: 'instances', summary: 'Start a process instance (with the tasks it opened)', body: StartInstanceSchema, responses: { 201: StartedInstanceSchema } },
  { method: 'GET', path: '/instances', tag: 'instances', summary: 'Process instances visible to the caller', query: InstanceQuerySchema, responses: { 200: InstanceListSchema } },
  { method: 'GET', path: '/instances/:id', tag: 'instances', summary: 'One process instance with its state', responses: { 200: InstanceSchema } },
  { method: 'GET', path: '/instances/:id/history', tag: 'instances', summary: 'The ordered history of an instance', responses: { 200: HistorySchema } },
  { method: 'POST', path: '/instances/:id/cancel', tag: 'instances', summary: 'Cancel a running instance', roles: ['workflow_admin'], body: CancelInstanceSchema, responses: { 200: InstanceSchema } },
  { method: 'POST', path: '/instances/:id/incidents/:incidentId/retry', tag: 'instances', summary: 'Retry what raised an incident (an intervention, with an optional reason)', roles: ['workflow_admin'], body: RetryIncidentSchema, responses: { 200: InstanceSchema } },
  { method: 'GET', path: '/tasks', tag: 'tasks', summary: 'Tasks: my inbox (assignee=me), group tasks (candidate=me), or one instance', query: TaskQuerySchema, responses: { 200: TaskListSchema } },
  { method: 'GET', path: '/tasks/:id', tag: 'tasks', summary: 'One task (opening it as the assignee marks it read)', responses: { 200: TaskSchema } },
  { method: 'POST', path: '/tasks/:id/complete', tag: 'tasks', summary: 'Complete a task', body: CompleteTaskSchema, responses: { 200: CompletedTaskSchema } },
  { method: 'POST', path: '/tasks/:id/claim', tag: 'tasks', summary: 'Claim a group task (签收)', body: EmptyBodySchema, responses: { 200: TaskSchema } },
  { method: 'POST', path: '/tasks/:id/unclaim', tag: 'tasks', summary: 'Give a claimed task back to its group', body: EmptyBodySchema, responses: { 200: TaskSchema } },
  { method: 'GET', path: '/jobs', tag: 'jobs', summary: 'Timers and other jobs', roles: ['workflow_admin'], query: JobQuerySchema, responses: { 200: JobListSchema } },
  { method: 'POST', path: '/jobs/:id/execute', tag: 'jobs', summary: 'Run a pending job now (push a stuck timer)', roles: ['workflow_admin'], body: EmptyBodySchema, responses: { 200: JobSchema } },
  { method: 'POST', path: '/messages', tag: 'events', summary: 'Correlate a message to a waiting instance or a message start event', roles: ['workflow_admin'], body: MessageSchema, responses: { 200: MessageResultSchema } },
  { method: 'POST', path: '/signals', tag: 'events', summary: 'Broadcast a signal to every waiting catcher and signal start', roles: ['workflow_admin'], body: SignalSchema, responses: { 200: SignalResultSchema } },
  { method: 'POST', path: '/external-tasks/fetch-and-lock', tag: 'external-tasks', summary: 'Fetch and lock open external tasks of some topics (worker; X-Api-Key)', public: true, body: FetchAndLockSchema, responses: { 200: ExternalTaskListSchema } },
  { method: 'POST', path: '/external-tasks/:id/complete', tag: 'external-tasks', summary: 'Complete a locked external task (worker; X-Api-Key)', public: true, body: CompleteExternalTaskSchema, responses: { 200: ExternalTaskSchema } },
  { method: 'POST', path: '/external-tasks/:id/failure', tag: 'external-tasks', summary: 'Report a failure; with 0 retries left it becomes an incident (worker; X-Api-Key)', public: true, body: ExternalTaskFailureSchema, responses: { 200: ExternalTaskSchema } },
  { method: 'POST', path: '/api-keys', tag: 'external-tasks', summary: 'Issue an API key for an external worker (shown once)', roles: ['system_admin'], body: CreateApiKeySchema, responses: { 201: IssuedApiKeySchema } },
  { method: 'GET', path: '/api-keys', tag: 'external-tasks', summary: 'Issued API keys (without the keys)', roles: ['system_admin'], responses: { 200: ApiKeyListSchema } },
];

export const ApiErrorSchema = z
  .object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
  .meta({ id: 'ApiError' });

/** Every route: the core ones above and each domain's own list (one file per domain). */
export const API_ROUTES: ApiRoute[] = [...CORE_ROUTES, ...APPROVAL_ROUTES, ...DOCUMENT_ROUTES, ...NOTIFICATION_ROUTES, ...MAILBOX_ROUTES, ...FORM_ROUTES];
