import { SetMetadata } from '@nestjs/common';

export const ADMIN_ROUTE = 'liuzhuan:admin-route';

/**
 * Marks a route open to everyone whose refusals are still administrative (setting someone
 * else's 代理, someone else's contact data): a 403 it answers is an `access.denied` audit event
 * (access-denied.filter.ts), as on every route that requires an administrator role.
 */
export const AdminRoute = () => SetMetadata(ADMIN_ROUTE, true);
