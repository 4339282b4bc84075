import { bpmn } from '../support/bpmn-fixtures';
import { ApprovalsWorld, type User } from './approvals.fixtures';

/** 发文: 核稿 by head or staff (named candidates), 登记 by the clerk (the 发文字号), then 签发 by the group 市政府领导 (deputy and mayor). */
const outgoingProcess = bpmn(`<process id="outgoing-document" isExecutable="true">
  <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
  <userTask id="review" name="核稿" camunda:candidateUsers="head,staff"/><sequenceFlow id="f2" sourceRef="review" targetRef="register"/>
  <userTask id="register" name="登记" camunda:assignee="clerk"/><sequenceFlow id="f2b" sourceRef="register" targetRef="sign"/>
  <userTask id="sign" name="签发" camunda:candidateGroups="city-leaders"/><sequenceFlow id="f3" sourceRef="sign" targetRef="end"/>
  <endEvent id="end"/></process>`);

const outgoing = (title: string, extra: Record<string, unknown> = {}) => ({
  direction: 'outgoing',
  docType: 'GW08',
  title,
  issuer: '安康市人民政府',
  orgCode: '安政发',
  mainRecipients: ['各县（区）人民政府'],
  writtenDate: '2026-11-20',
  ...extra,
});
const SECRET = {
  secretLevel: 'SECRET',
  secrecyPeriod: { value: 5, unit: 'YEAR' },
  disclosure: 'NOT_PUBLIC',
  disclosureReason: '涉密',
  copyNumber: '000012',
  custodian: '张晓明',
  storageLocation: '市政府办公室机要室 3 号保密柜',
};

/** 待办提醒: a new task is announced to everyone who can act on it, naming the document and the step. */
describe('notifications of new tasks (e2e)', () => {
  let w: ApprovalsWorld;

  beforeAll(async () => {
    w = await ApprovalsWorld.start(['approvals-urge.bpmn', 'approvals-straight.bpmn', 'approvals-group.bpmn']);
    const r = await w.call('admin', 'POST', '/api/definitions', outgoingProcess, 'application/xml');
    if (r.status !== 201) throw new Error(`deploy: ${r.status}`);
  });
  afterAll(() => w.stop());

  const assigned = async (user: User, taskId: string) =>
    (await w.notifications(user)).filter((n) => n.kind === 'task.assigned' && n.taskId === taskId);
  const document = async (body: unknown) => {
    const r = await w.call('clerk', 'POST', '/api/documents', body);
    if (r.status !== 201) throw new Error(`document: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as { id: string; instanceId: string };
  };

  it('should notify every member of the candidate group when a group-held task is created, naming the document', async () => {
    // given
    const id = await w.start('clerk', 'apUrge', { title: '关于汛期值班安排的请示', deadline: new Date(Date.now() + 864e6).toISOString() });
    await w.complete('clerk', (await w.task(id, 'draft')).id);
    // when
    await w.complete('clerk', (await w.task(id, 'check')).id);
    // then
    const lead = await w.task(id, 'lead');
    expect([lead.assignee, lead.candidateGroups]).toEqual([null, ['city-leaders']]);
    for (const leader of ['deputy', 'mayor'] as const) {
      expect(await assigned(leader, lead.id)).toEqual([
        expect.objectContaining({
          title: '待办：《关于汛期值班安排的请示》 · 领导批示',
          link: `/tasks/${lead.id}`,
          instanceId: id,
          actor: 'clerk',
          readAt: null,
        }),
      ]);
    }
    for (const other of ['head', 'staff', 'admin'] as const) expect(await assigned(other, lead.id)).toEqual([]);
  });

  it('should notify only the assignee when a task is assigned to one person', async () => {
    // given
    const id = await w.start('clerk', 'apStraight', { title: '关于购置办公设备的请示' });
    // when
    await w.complete('clerk', (await w.task(id, 'draft')).id);
    // then
    const review = await w.task(id, 'review');
    expect(review.assignee).toBe('head');
    expect(await assigned('head', review.id)).toEqual([expect.objectContaining({ title: '待办：《关于购置办公设备的请示》 · 审核' })]);
    for (const other of ['deputy', 'mayor', 'staff', 'clerk'] as const) expect(await assigned(other, review.id)).toEqual([]);
  });

  it('should name the 文号 of a numbered 公文 and reach the group at 签发', async () => {
    // given: a 发文 past its 核稿, numbered by the completion of 登记 (never earlier)
    const title = '安康市人民政府关于做好冬春季节安全生产工作的通知';
    const doc = await document(outgoing(title));
    const review = await w.task(doc.instanceId, 'review');
    expect((await w.call('head', 'POST', `/api/tasks/${review.id}/claim`)).status).toBe(200);
    await w.complete('head', review.id);
    // when
    await w.complete('clerk', (await w.task(doc.instanceId, 'register')).id);
    // then
    const number = (await w.call('clerk', 'GET', `/api/documents/${doc.id}`)).body.docNumber as string;
    expect(number).toMatch(/^安政发〔\d{4}〕\d+号$/);
    const sign = await w.task(doc.instanceId, 'sign');
    for (const leader of ['deputy', 'mayor'] as const)
      expect((await assigned(leader, sign.id)).map((n) => [n.title, n.actor])).toEqual([
        [`待办：《${title}》（${number}） · 签发`, 'clerk'],
      ]);
  });

  it('should tell no candidate of a classified 公文 whose clearance does not allow its 密级', async () => {
    // when: a 秘密 发文 whose 核稿 is offered to head (核心) and staff (非涉密)
    const title = '安康市人民政府关于某专项工作保密管理的通知';
    const doc = await document(outgoing(title, SECRET));
    // then
    const review = await w.task(doc.instanceId, 'review');
    expect(review.candidateUsers).toEqual(['head', 'staff']);
    expect((await assigned('head', review.id)).map((n) => n.title)).toEqual([`待办：《${title}》 · 核稿`]);
    expect(await assigned('staff', review.id)).toEqual([]);
    expect(JSON.stringify(await w.notifications('staff'))).not.toContain('保密管理');
  });
});
