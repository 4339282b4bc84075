import { TransactionRunner } from '../../src/platform/database/transaction-runner';
import { NOTIFICATION_STREAM_SETTINGS, NotificationHub } from '../../src/modules/notifications/notification-hub';
import { type NewNotification, NotificationsService } from '../../src/modules/notifications/notifications.service';
import { eventually } from '../support/eventually';
import { TEST_TARGET } from '../support/test-env';
import { TestServer } from '../support/test-server';

interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

/** A client of the stream as the browser's fetch reader is: it collects the events it receives. */
async function openStream(server: TestServer, token: string | null, lastEventId?: string) {
  const abort = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (lastEventId) headers['last-event-id'] = lastEventId;
  const response = await fetch(`${server.baseUrl}/api/notifications/stream`, { headers, signal: abort.signal });
  const events: SseEvent[] = [];
  let comments = 0;
  const done = (async () => {
    if (!response.body || response.status !== 200) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = { data: '' };
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments++;
            else if (line.startsWith('id: ')) event.id = line.slice(4);
            else if (line.startsWith('event: ')) event.event = line.slice(7);
            else if (line.startsWith('data: ')) event.data += line.slice(6);
          }
          if (event.data) events.push(event);
        }
      }
    } catch {
      // aborted by the test: the stream is over
    }
  })();
  return {
    response,
    events,
    titles: () => events.map((e) => (JSON.parse(e.data) as { title: string }).title),
    comments: () => comments,
    close: async () => {
      abort.abort();
      await done;
    },
    /** resolves when the server ended the stream */
    ended: done,
  };
}

const note = (recipient: string, title: string, extra: Partial<NewNotification> = {}): NewNotification => ({
  recipient,
  kind: 'info',
  title,
  body: `${title}的内容`,
  ...extra,
});

describe('notifications (e2e)', () => {
  let server: TestServer;
  let clerk: string;
  let head: string;
  let notifications: NotificationsService;
  let tx: TransactionRunner;

  beforeAll(async () => {
    server = await TestServer.start();
    [clerk, head] = await Promise.all([server.login('clerk'), server.login('head')]);
    notifications = server.app.get(NotificationsService);
    tx = server.app.get(TransactionRunner);
  });
  afterAll(() => server.stop());

  const sendCommitted = (items: NewNotification[]) => tx.run((t) => notifications.send(t, items));
  const list = async (token: string, query = '') => (await server.call('GET', `/api/notifications${query}`, { token })).body;

  it('should refuse the stream without a session and serve text/event-stream with one', async () => {
    // when
    const anonymous = await openStream(server, null);
    const signedIn = await openStream(server, clerk);
    // then
    expect(anonymous.response.status).toBe(401);
    expect((await anonymous.response.json()).code).toBe('AUTH_REQUIRED');
    expect(signedIn.response.status).toBe(200);
    expect(signedIn.response.headers.get('content-type')).toContain('text/event-stream');
    await signedIn.close();
  });

  it('should describe the stream in the OpenAPI document as text/event-stream of notifications', async () => {
    // when
    const doc = (await server.call('GET', '/api/docs-json', { token: clerk })).body;
    // then
    const stream = doc.paths['/api/notifications/stream'].get;
    expect(stream.responses['200'].content).toEqual({ 'text/event-stream': { schema: { $ref: '#/components/schemas/Notification' } } });
    expect(stream.responses['401']).toBeDefined();
  });

  it('should deliver a notification after its transaction commits and never one whose transaction rolled back', async () => {
    // given
    const stream = await openStream(server, clerk);
    // when
    await expect(
      tx.run(async (t) => {
        await notifications.send(t, [note('clerk', '回滚的消息')]);
        throw new Error('the command failed after sending');
      }),
    ).rejects.toThrow('the command failed');
    await sendCommitted([note('clerk', '提交的消息', { kind: 'task.assigned', taskId: '01m8f2cfmb4d8ms8m3thz4rak0' })]);
    // then
    await eventually(() => stream.events.length >= 1, 5000);
    await new Promise((r) => setTimeout(r, 1500)); // a full poll later, still only the committed one
    await stream.close();
    expect(stream.titles()).toEqual(['提交的消息']);
    const [event] = stream.events;
    expect(event.event).toBe('notification');
    expect(JSON.parse(event.data)).toMatchObject({
      id: event.id,
      kind: 'task.assigned',
      title: '提交的消息',
      link: '/tasks/01m8f2cfmb4d8ms8m3thz4rak0',
      readAt: null,
    });
    expect((await list(clerk)).items.map((n: { title: string }) => n.title)).not.toContain('回滚的消息');
  });

  it('should deliver rows another process wrote (seen only by polling the table)', async () => {
    // given
    const stream = await openStream(server, clerk);
    // when: written with a bare EntityManager, as by another API process: no nudge here
    await tx.run((t) => notifications.send(t.manager, [note('clerk', '别的进程写的消息')]));
    // then
    await eventually(() => stream.events.length === 1, 5000);
    await stream.close();
    expect(stream.titles()).toEqual(['别的进程写的消息']);
  });

  (TEST_TARGET === 'production' ? it : it.skip)('should deliver to a stream on another API process sharing the database', async () => {
    // given: a second application on the same MariaDB, with a stream open on it
    const second = await TestServer.startOn(server.env);
    try {
      const stream = await openStream(second, clerk);
      // when: this process writes and commits
      await sendCommitted([note('clerk', '另一进程的消息')]);
      // then
      await eventually(() => stream.events.length === 1, 5000);
      await stream.close();
      expect(stream.titles()).toEqual(['另一进程的消息']);
    } finally {
      await second.stopApp();
    }
  });

  it("should never show one user's notifications to another, in the list, the stream or a read mark", async () => {
    // given
    const headStream = await openStream(server, head);
    const clerkStream = await openStream(server, clerk);
    // when
    const [mine] = await sendCommitted([note('head', '给科长的消息')]);
    await sendCommitted([note('clerk', '给科员的消息')]);
    // then
    await eventually(() => headStream.events.length === 1 && clerkStream.events.length === 1, 5000);
    await new Promise((r) => setTimeout(r, 1200));
    await Promise.all([headStream.close(), clerkStream.close()]);
    expect(headStream.titles()).toEqual(['给科长的消息']);
    expect(clerkStream.titles()).toEqual(['给科员的消息']);
    expect((await list(clerk)).items.map((n: { id: string }) => n.id)).not.toContain(mine.id);
    const read = await server.call('POST', `/api/notifications/${mine.id}/read`, { token: clerk });
    expect([read.status, read.body.code]).toEqual([404, 'NOTIFICATION_NOT_FOUND']);
    expect((await list(head, '?unread=true')).items.map((n: { id: string }) => n.id)).toContain(mine.id);
  });

  it('should count unread notifications and mark one or all read', async () => {
    // given: staff has none so far
    const staff = await server.login('staff');
    const sent = await sendCommitted([note('staff', '一'), note('staff', '二'), note('staff', '三')]);
    // when
    const before = await list(staff);
    const read = await server.call('POST', `/api/notifications/${sent[1].id}/read`, { token: staff });
    const afterOne = await list(staff, '?unread=true');
    const all = await server.call('POST', '/api/notifications/read-all', { token: staff });
    const afterAll = await list(staff);
    // then
    expect([before.total, before.unread]).toEqual([3, 3]);
    expect(before.items.map((n: { title: string }) => n.title)).toEqual(['三', '二', '一']);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect([afterOne.total, afterOne.unread, afterOne.items.map((n: { title: string }) => n.title)]).toEqual([2, 2, ['三', '一']]);
    expect([all.status, all.body]).toEqual([200, { updated: 2, unread: 0 }]);
    expect([afterAll.total, afterAll.unread]).toEqual([3, 0]);
    const page2 = await list(staff, '?page=2&pageSize=2');
    expect([page2.total, page2.items.map((n: { title: string }) => n.title)]).toEqual([3, ['一']]);
    expect((await server.call('GET', '/api/notifications?pageSize=1000', { token: staff })).status).toBe(400);
  });

  it('should resume after Last-Event-ID with what the client missed', async () => {
    // given
    // given: one seen, then ten sent one by one (often inside one millisecond) and two at once
    const [first] = await sendCommitted([note('clerk', '断线前')]);
    const missed = Array.from({ length: 10 }, (_, i) => `断线期间${i + 1}`);
    for (const title of missed) await sendCommitted([note('clerk', title)]);
    await sendCommitted([note('clerk', '最后一'), note('clerk', '最后二')]);
    // when: reconnecting later than the poll's look-back (made zero here)
    const lagMs = NOTIFICATION_STREAM_SETTINGS.lagMs;
    NOTIFICATION_STREAM_SETTINGS.lagMs = 0;
    const stream = await openStream(server, clerk, first.id);
    try {
      // then: all of them, in order
      await eventually(() => stream.events.length === 12, 5000);
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      NOTIFICATION_STREAM_SETTINGS.lagMs = lagMs;
      await stream.close();
    }
    expect(stream.titles()).toEqual([...missed, '最后一', '最后二']);
  });

  it('should send heartbeats and drop the subscription when the client goes away', async () => {
    // given
    const hub = server.app.get(NotificationHub);
    const heartbeatMs = NOTIFICATION_STREAM_SETTINGS.heartbeatMs;
    NOTIFICATION_STREAM_SETTINGS.heartbeatMs = 100;
    const stream = await openStream(server, clerk);
    try {
      await eventually(() => hub.connections >= 1);
      // then: "connected" and at least two heartbeats
      await eventually(() => stream.comments() >= 3, 3000);
    } finally {
      NOTIFICATION_STREAM_SETTINGS.heartbeatMs = heartbeatMs;
    }
    // when
    await stream.close();
    // then
    await eventually(() => hub.connections === 0, 5000);
  });

  it('should end open streams when the application shuts down', async () => {
    // given
    const other = await TestServer.start();
    const stream = await openStream(other, await other.login('clerk'));
    await eventually(() => other.app.get(NotificationHub).connections === 1);
    // when
    await other.stop();
    // then: the client sees the end (the close did not wait on the connection either)
    await stream.ended;
    expect(stream.response.status).toBe(200);
  });

  it('should give notifications ids that grow in the order they were sent, even within one millisecond', async () => {
    // when
    const batch = await sendCommitted(Array.from({ length: 200 }, (_, i) => note('sysadmin', `第${i}条`)));
    const next = await sendCommitted([note('sysadmin', '下一批')]);
    // then
    const ids = [...batch, ...next].map((n) => n.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(201);
  });

  it('should send a notification once when its dedupe key is used twice', async () => {
    // when
    await sendCommitted([note('head', '只发一次', { dedupeKey: 'e2e:once' }), note('head', '只发一次', { dedupeKey: 'e2e:once' })]);
    await sendCommitted([note('head', '只发一次', { dedupeKey: 'e2e:once' })]);
    // then
    expect((await list(head)).items.filter((n: { title: string }) => n.title === '只发一次')).toHaveLength(1);
  });
});
