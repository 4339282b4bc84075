// The auth module's public surface for other modules: the route decorators their controllers use,
// and the sign-in check the application puts in front of the OpenAPI routes.
export { CurrentUser, Public, RequireRoles } from './auth.decorators';
export { requireSignInForOpenApi } from './openapi-access';
