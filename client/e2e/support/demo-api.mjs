// The set-up steps other users take through the HTTP API, so that a browser test starts from a
// known state: every call must succeed (a failing status fails the test with the server's answer).
import assert from 'node:assert/strict';
import { apiSignIn } from './second-factor.mjs';

/**
 * Signs the demo users in over the API (the admins answer their second factor: second-factor.mjs)
 * and returns their calls: `api(user, method, path, body)` answers the parsed JSON, `openTask` the
 * open task of an instance at a step, `take` claims (when still a group task) and completes it.
 */
export async function signedInUsers(baseUrl, usernames) {
  const tokens = {};
  for (const u of usernames) tokens[u] = await apiSignIn(baseUrl, u);

  async function api(user, method, path, body) {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[user]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    assert.ok(response.ok, `${user} ${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }

  async function openTask(user, instanceId, elementId) {
    const { items } = await api(user, 'GET', `/tasks?instanceId=${instanceId}&status=open`);
    const task = items.find((t) => t.elementId === elementId);
    assert.ok(task, `an open ${elementId} task in ${instanceId}: ${items.map((t) => t.elementId).join(', ')}`);
    return task;
  }

  async function take(user, instanceId, elementId, variables = {}, opinion) {
    const task = await openTask(user, instanceId, elementId);
    if (task.assignee !== user) await api(user, 'POST', `/tasks/${task.id}/claim`, {});
    await api(user, 'POST', `/tasks/${task.id}/complete`, { variables, ...(opinion ? { opinion } : {}) });
  }

  /** Uploads a file as an attachment of a document. */
  async function upload(user, documentId, name, bytes, type) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    const response = await fetch(`${baseUrl}/api/documents/${documentId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[user]}` },
      body: form,
    });
    assert.equal(response.status, 201, `upload ${name}`);
  }

  return { tokens, api, openTask, take, upload };
}
