// The auth module's public surface for other modules: the route decorators their controllers use,
// and the password rule and generator (org creates accounts with a one-time password), and the
// sign-in check the application puts in front of the OpenAPI routes.
export { CurrentUser, Public, RequireRoles } from './auth.decorators';
export { AdminRoute } from './admin-route';
export { generatePassword, meetsPasswordPolicy } from './password-policy';
export { requireSignInForOpenApi } from './openapi-access';
