import type { ApiRoute } from './api-route';

/** Routes of In-app notifications and their event stream. */
export const NOTIFICATION_ROUTES: ApiRoute[] = [];
