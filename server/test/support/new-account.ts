import type { TestServer } from './test-server';

/** The password the accounts made by {@link newAccount} end up with (meets password-policy.ts). */
export const CHANGED_PASSWORD = 'Xin#Mima2026';

/**
 * A new account as a person gets one: the system admin creates it (the answer carries the
 * one-time initial password), the person signs in with it and sets their own. Returns the
 * user and a normal session token.
 */
export async function newAccount(
  server: TestServer,
  sysadminToken: string,
  body: { username: string; displayName: string; orgId: string; position?: string | null },
): Promise<{ user: any; token: string }> {
  const created = await server.call('POST', '/api/users', { token: sysadminToken, body });
  if (created.status !== 201) throw new Error(`create ${body.username}: ${created.status} ${JSON.stringify(created.body)}`);
  const first = await server.call('POST', '/api/auth/login', { body: { username: body.username, password: created.body.initialPassword } });
  const change = await server.call('POST', '/api/auth/password', {
    token: first.body.accessToken,
    body: { current: created.body.initialPassword, next: CHANGED_PASSWORD },
  });
  if (change.status !== 204) throw new Error(`change ${body.username}: ${change.status} ${JSON.stringify(change.body)}`);
  const { initialPassword: _shownOnce, ...user } = created.body;
  return { user, token: await server.login(body.username, CHANGED_PASSWORD) };
}
