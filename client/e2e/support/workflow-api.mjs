// Set-up helpers of the inbox and monitor browser tests: deploy and start processes through the
// HTTP API as the demo users, so the browser part starts from a known state.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';
import { apiSignIn } from './second-factor.mjs';

/** Signs in over the API (the admins enrol or answer their second factor: second-factor.mjs) and returns a caller. */
export async function login(baseUrl, username) {
  const accessToken = await apiSignIn(baseUrl, username);
  return (method, path, body) => call(baseUrl, accessToken, method, path, body);
}

async function call(baseUrl, token, method, path, body) {
  const isXml = typeof body === 'string';
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': isXml ? 'application/xml' : 'application/json' }),
    },
    body: body === undefined ? undefined : isXml ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

/** Deploys a fixture of client/e2e/fixtures as the workflow admin. */
export async function deployFixture(baseUrl, file) {
  const admin = await login(baseUrl, 'admin');
  const result = await admin('POST', '/definitions', readFileSync(join(ROOT, 'client/e2e/fixtures', file), 'utf8'));
  if (result.status !== 201) throw new Error(`deploy ${file}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

export async function startInstance(baseUrl, username, definitionKey, variables) {
  const user = await login(baseUrl, username);
  const result = await user('POST', '/instances', { definitionKey, variables });
  if (result.status !== 201) throw new Error(`start ${definitionKey}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}
