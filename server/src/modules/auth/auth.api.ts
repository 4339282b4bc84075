// The auth module's public surface for other modules: the route decorators their controllers use,
// and the password rule and generator (org creates accounts with a one-time password). The OpenAPI
// sign-in check (openapi-access.ts) is the application's, imported by app.factory.ts directly:
// exported here it would load AuthService with every module that imports these decorators.
export { CurrentUser, Public, RequireRoles } from './auth.decorators';
export { AdminRoute } from './admin-route';
export { generatePassword, meetsPasswordPolicy } from './password-policy';
