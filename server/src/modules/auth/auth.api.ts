// The auth module's public surface for other modules: the route decorators their controllers use.
export { CurrentUser, Public, RequireRoles } from './auth.decorators';
