import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestServer } from '../support/test-server';

/** The approval specs' shared setup: one server, the demo users signed in, the .bpmn files next to the specs. */
export const USERS = ['admin', 'sysadmin', 'secadmin', 'clerk', 'staff', 'head', 'deputy', 'mayor'] as const;
export type User = (typeof USERS)[number];

export class ApprovalsWorld {
  private tokens = {} as Record<User, string>;
  private constructor(readonly server: TestServer) {}

  static async start(files: string[]): Promise<ApprovalsWorld> {
    const world = new ApprovalsWorld(await TestServer.start());
    for (const u of USERS) world.tokens[u] = await world.server.login(u);
    for (const file of files) {
      const r = await world.call('admin', 'POST', '/api/definitions', readFileSync(join(__dirname, file), 'utf8'), 'application/xml');
      if (r.status !== 201) throw new Error(`deploy ${file}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    return world;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  call(user: User, method: string, path: string, body?: unknown, contentType?: string) {
    if (contentType) return this.server.call(method, path, { token: this.tokens[user], raw: body as string, contentType });
    return this.server.call(method, path, { token: this.tokens[user], body });
  }

  async start(user: User, definitionKey: string, variables: Record<string, unknown> = {}): Promise<string> {
    const r = await this.call(user, 'POST', '/api/instances', { definitionKey, variables });
    if (r.status !== 201) throw new Error(`start: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id;
  }

  async tasks(instanceId: string): Promise<any[]> {
    const r = await this.call('admin', 'GET', `/api/tasks?instanceId=${instanceId}&limit=100`);
    return (r.body.items as any[]).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async open(instanceId: string, elementId?: string): Promise<any[]> {
    return (await this.tasks(instanceId)).filter((t) => t.status === 'open' && (!elementId || t.elementId === elementId));
  }

  /** The one open task at an element (fails when there is not exactly one). */
  async task(instanceId: string, elementId: string, assignee?: string): Promise<any> {
    const found = (await this.open(instanceId, elementId)).filter((t) => !assignee || t.assignee === assignee);
    if (found.length !== 1)
      throw new Error(`expected one open task at ${elementId}${assignee ? ` for ${assignee}` : ''}, found ${found.length}`);
    return found[0];
  }

  async complete(user: User, taskId: string, body: Record<string, unknown> = {}): Promise<any> {
    const r = await this.call(user, 'POST', `/api/tasks/${taskId}/complete`, body);
    if (r.status !== 200) throw new Error(`complete ${taskId} as ${user}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  /**
   * Who reads an instance in full for the checks: its initiator (always has a part). The workflow
   * admin with no part sees only metadata (issue #15), so the admin is the reader only when the
   * instance has no initiator.
   */
  private async reader(instanceId: string): Promise<User> {
    const initiator = (await this.call('admin', 'GET', `/api/instances/${instanceId}`)).body.initiator as string | null;
    if (!initiator) return 'admin';
    if (!(USERS as readonly string[]).includes(initiator)) throw new Error(`initiator ${initiator} is not signed in`);
    return initiator as User;
  }

  async instance(instanceId: string): Promise<any> {
    return (await this.call(await this.reader(instanceId), 'GET', `/api/instances/${instanceId}`)).body;
  }

  async history(instanceId: string): Promise<any[]> {
    return (await this.call(await this.reader(instanceId), 'GET', `/api/instances/${instanceId}/history`)).body.items;
  }

  async opinions(instanceId: string): Promise<any[]> {
    return (await this.call(await this.reader(instanceId), 'GET', `/api/instances/${instanceId}/opinions`)).body.items;
  }

  async notifications(user: User): Promise<any[]> {
    return (await this.call(user, 'GET', '/api/notifications?pageSize=100')).body.items;
  }

  /** What a refused operation must leave untouched: the task rows, the history, the opinions, the state. */
  async snapshot(instanceId: string) {
    const instance = await this.instance(instanceId);
    return {
      tasks: await this.tasks(instanceId),
      history: await this.history(instanceId),
      opinions: await this.opinions(instanceId),
      status: instance.status,
      active: instance.activeElementIds,
    };
  }
}
