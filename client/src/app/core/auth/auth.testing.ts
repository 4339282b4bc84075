import type { LoginResponse, SessionUser } from '@liuzhuan/contracts';
import { SESSION_STORAGE_KEY } from './auth.service';

/** Test fixtures shared by the auth, guard, shell and sign-in specs. */
export function sessionUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: 'u-clerk',
    username: 'clerk',
    displayName: '张文书',
    orgId: 'org-office',
    orgName: '市政府办公室',
    position: '秘书',
    roles: ['clerk'],
    ...overrides,
  };
}

export function loginResponse(user: SessionUser = sessionUser()): LoginResponse {
  return {
    accessToken: 'token-123',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user,
  };
}

export function storeSession(accessToken = 'token-123', expiresAt = new Date(Date.now() + 3_600_000)): void {
  sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken, expiresAt: expiresAt.toISOString() }));
}
