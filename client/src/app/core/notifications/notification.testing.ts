import type { Notification } from '@liuzhuan/contracts';

/** A notification as the API returns it, for the bell and stream specs. */
export function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: '01m8f2cfmb4d8ms8m3thz4rak0',
    kind: 'task.assigned',
    title: '待办：审核来文',
    body: '',
    instanceId: null,
    taskId: 'task-1',
    link: '/inbox?task=task-1',
    actor: 'head',
    createdAt: '2026-11-27T08:00:00.000Z',
    readAt: null,
    ...overrides,
  };
}
