import type { ApiRoute } from './api-route';

/** Routes of Approval operations (退回, 撤回, 转办, 加签, 代理, 催办, 抄送), opinions and common phrases. */
export const APPROVAL_ROUTES: ApiRoute[] = [];
