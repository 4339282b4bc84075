import type { CcCopy, Instance, InstanceSummary, Task } from '@liuzhuan/contracts';
import { ccRow, compareByDue, dueState, filterRows, instanceRow, processName, taskRow, type InboxRow } from './inbox-rows';

const NOW = new Date('2026-11-27T09:00:00Z');

function task(overrides: Partial<Task> = {}): Task {
  return {
    id: 't1',
    instanceId: 'i1',
    definitionKey: 'incoming',
    elementId: 'Handle',
    name: '承办',
    assignee: 'clerk',
    candidateUsers: [],
    candidateGroups: [],
    status: 'open',
    formKey: null,
    dueAt: null,
    createdAt: '2026-11-26T08:00:00Z',
    openedAt: null,
    completedAt: null,
    completedBy: null,
    ...overrides,
  };
}

function row(overrides: Partial<InboxRow>): InboxRow {
  return { id: 'r', link: [], title: '', type: '', step: '', urgency: 'NONE', dueAt: null, initiator: '', createdAt: '', ...overrides };
}

describe('inbox rows', () => {
  it('should call a deadline overdue when it has passed and due soon when it is within a day', () => {
    // Given deadlines around now, when their state is read, then past is overdue and the next 24 h due soon
    expect(dueState('2026-11-27T08:59:00Z', NOW)).toBe('overdue');
    expect(dueState('2026-11-28T08:00:00Z', NOW)).toBe('soon');
    expect(dueState('2026-12-02T08:00:00Z', NOW)).toBe('ok');
    expect(dueState(null, NOW)).toBe('none');
  });

  it('should take title, type and urgency from the instance variables when the task has an instance', () => {
    // Given a task whose instance carries a document title, type and 特急
    const instance = {
      id: 'i1',
      businessKey: 'SW-1',
      definitionKey: 'incoming',
      initiator: 'clerk',
      variables: { title: '关于防汛工作的通知', docType: '通知', urgency: '特急' },
    } as unknown as Instance;
    // When it becomes a row, then the matter is named and the step is the task's name
    const r = taskRow(task(), instance);
    expect(r).toMatchObject({
      title: '关于防汛工作的通知',
      type: '通知',
      urgency: '特急',
      step: '承办',
      initiator: 'clerk',
      link: ['/tasks', 't1'],
    });
    // And without the instance it falls back to the process key
    expect(taskRow(task(), undefined)).toMatchObject({ title: 'incoming', urgency: 'NONE' });
  });

  it("should take title, 文种, urgency and initiator from the task's display fields when the server sends them", () => {
    // Given a task of a 公文 as GET /api/tasks lists it
    const r = taskRow(task({ title: '关于防汛工作的通知', docType: 'GW08', urgency: 'URGENT', initiator: 'head' }));
    // Then the row names it without its instance, the urgency code shown as 加急
    expect(r).toMatchObject({ title: '关于防汛工作的通知', type: '通知', urgency: '加急', initiator: 'head' });
    expect(taskRow(task({ urgency: 'EXTRA_URGENT' })).urgency).toBe('特急');
  });

  it("should take an instance's and a copy's matter from the list's display fields, else their keys", () => {
    // Given an instance of a 公文 as GET /api/instances lists it, and one without a matter
    const instance = (overrides: Partial<InstanceSummary>): InstanceSummary => ({
      id: 'i1',
      definitionId: 'd1',
      definitionKey: 'incoming',
      version: 1,
      businessKey: 'SW-1',
      parentId: null,
      initiator: 'clerk',
      status: 'active',
      startedAt: '2026-11-26T08:00:00Z',
      endedAt: null,
      ...overrides,
    });
    // Then its row names it, the 文种 code and urgency code shown by name
    expect(instanceRow(instance({ title: '关于防汛工作的通知', docType: 'GW08', urgency: 'URGENT' }), '进行中')).toMatchObject({
      title: '关于防汛工作的通知',
      type: '通知',
      urgency: '加急',
      step: '进行中',
      initiator: 'clerk',
      link: ['/tasks/instance', 'i1'],
    });
    expect(instanceRow(instance({ title: null }), '进行中')).toMatchObject({ title: 'SW-1', type: 'incoming', urgency: 'NONE' });
    // And its 当前环节 is the steps open now, its 办理期限 the 公文's; the status only when none is open
    expect(instanceRow(instance({ currentSteps: ['答复'], dueAt: '2026-12-22T09:00:00.000Z' }), '运行中')).toMatchObject({
      step: '答复',
      dueAt: '2026-12-22T09:00:00.000Z',
    });
    expect(instanceRow(instance({ currentSteps: ['主办单位承办', '协办单位承办'] }), '运行中').step).toBe('主办单位承办、协办单位承办');
    expect(instanceRow(instance({ status: 'completed', currentSteps: [] }), '已完成')).toMatchObject({ step: '已完成', dueAt: null });
    // And a copy as GET /api/cc?mine=true lists it, with its matter from the variables, or none
    const copy = (overrides: Partial<CcCopy>): CcCopy => ({
      id: 'c1',
      instanceId: 'i2',
      taskId: null,
      recipient: 'clerk',
      sender: 'head',
      note: '请阅知',
      createdAt: '2026-11-26T09:00:00Z',
      readAt: null,
      definitionKey: 'contract',
      businessKey: null,
      ...overrides,
    });
    expect(ccRow(copy({ title: '关于冬季供暖的请示', docType: '请示', urgency: '特急' }))).toMatchObject({
      title: '关于冬季供暖的请示',
      type: '请示',
      urgency: '特急',
      step: '请阅知',
      initiator: 'head',
      link: ['/tasks/instance', 'i2'],
    });
    expect(ccRow(copy({}))).toMatchObject({ title: 'contract', type: 'contract', urgency: 'NONE' });
  });

  it('should keep only matching rows when searching, filtering by urgency, due state or type', () => {
    // Given three rows
    const rows = [
      row({ id: 'a', title: '防汛通知', type: '通知', urgency: '特急', dueAt: '2026-11-26T00:00:00Z' }),
      row({ id: 'b', title: '年度报告', type: '报告', initiator: '刘洋', dueAt: '2026-11-27T20:00:00Z' }),
      row({ id: 'c', title: '会议纪要', type: '纪要' }),
    ];
    const all = { q: '', urgency: '' as const, due: '' as const, type: '' };
    // When filtering, then each filter narrows the list
    expect(filterRows(rows, { ...all, q: '防汛' }, NOW).map((r) => r.id)).toEqual(['a']);
    expect(filterRows(rows, { ...all, q: '刘洋' }, NOW).map((r) => r.id)).toEqual(['b']);
    expect(filterRows(rows, { ...all, urgency: '特急' }, NOW).map((r) => r.id)).toEqual(['a']);
    expect(filterRows(rows, { ...all, due: 'overdue' }, NOW).map((r) => r.id)).toEqual(['a']);
    expect(filterRows(rows, { ...all, due: 'soon' }, NOW).map((r) => r.id)).toEqual(['b']);
    expect(filterRows(rows, { ...all, due: 'none' }, NOW).map((r) => r.id)).toEqual(['c']);
    expect(filterRows(rows, { ...all, type: '纪要' }, NOW).map((r) => r.id)).toEqual(['c']);
  });

  it('should sort the earliest deadline first and rows without a deadline last', () => {
    // Given rows with and without deadlines, when sorted by due date
    const sorted = [
      row({ id: 'none' }),
      row({ id: 'late', dueAt: '2026-12-05T00:00:00Z' }),
      row({ id: 'early', dueAt: '2026-11-28T00:00:00Z' }),
    ].sort(compareByDue);
    // Then the earliest comes first
    expect(sorted.map((r) => r.id)).toEqual(['early', 'late', 'none']);
  });
});

describe('inbox rows: names and urge marks', () => {
  const shipped = (over: Partial<Task>): Task =>
    ({
      id: 't1',
      instanceId: 'i1',
      definitionKey: 'incoming-document',
      elementId: 'Register',
      name: '登记',
      assignee: 'clerk',
      candidateUsers: [],
      candidateGroups: [],
      status: 'open',
      formKey: null,
      dueAt: null,
      createdAt: '2026-12-01T00:00:00.000Z',
      openedAt: null,
      completedAt: null,
      completedBy: null,
      ...over,
    }) as Task;

  it('should name the process, not its key, when the matter has no title or 文种', () => {
    // Given a task of the shipped 收文 process without a 公文 yet
    const row = taskRow(shipped({}));
    // Then the row says 收文办理, never incoming-document
    expect(row.title).toBe('收文办理');
    expect(row.type).toBe('收文办理');
    expect(processName('someone-elses-process')).toBe('someone-elses-process');
  });

  it('should carry the 已催办 mark of an urged task, and none otherwise', () => {
    // Given an urged and a quiet task
    const urged = taskRow(shipped({ urgeCount: 2, lastUrgedAt: '2026-12-02T08:00:00.000Z' }));
    const quiet = taskRow(shipped({}));
    // Then only the urged one has the count and the time
    expect([urged.urgeCount, urged.lastUrgedAt]).toEqual([2, '2026-12-02T08:00:00.000Z']);
    expect(quiet.urgeCount).toBeUndefined();
  });
});
