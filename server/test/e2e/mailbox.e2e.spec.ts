import { LETTERS_PER_IP } from '../../src/modules/mailbox/mailbox.service';
import { eventually } from '../support/eventually';
import { TEST_CAPTCHA_ANSWER } from '../support/test-env';
import { TestServer } from '../support/test-server';

/**
 * 领导信箱 through the HTTP API, following workflows/leader-mailbox/SCENARIO.md: a public letter
 * with a query code, 审查 → 转办 (5 working days) → 延期 (15 in all at most) → 答复 → 审核 → 公开.
 */
describe('leader mailbox (e2e)', () => {
  let server: TestServer;
  let admin: string;
  const tokens: Record<string, string> = {};
  const as = async (username: string) => (tokens[username] ??= await server.login(username));

  const WRITER = {
    name: '李秀兰',
    phone: '13912345678',
    idNumber: '610902198805061234',
    address: '陕西省安康市汉滨区建设路12号3单元501室',
  };
  const letter = (extra: Record<string, unknown> = {}) => ({
    category: 'complaint',
    subject: '建设路小区门前道路破损',
    content: '建设路12号小区门前道路破损多年，雨天积水，请尽快维修。',
    ...WRITER,
    ...extra,
  });

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.login('admin');
  });
  afterAll(() => server.stop());

  /** letters accepted from this test's address so far (the workflow admin no longer lists letters: issue #15) */
  let written = 0;
  /** writes as the public form does: a fresh captcha, answered (tests know every answer: test-env.ts) */
  const write = async (body: Record<string, unknown> = letter()) => {
    const captcha = (await server.call('GET', '/api/public/captcha')).body;
    const r = await server.call('POST', '/api/public/letters', {
      body: { ...body, captchaId: captcha.id, captchaAnswer: TEST_CAPTCHA_ANSWER },
    });
    if (r.status === 201) written++;
    return r;
  };
  const publicView = async (code: string) => server.call('GET', `/api/public/letters/${code}`);
  const openTask = async (instanceId: string, elementId: string) =>
    eventually(async () => {
      const r = await server.call('GET', `/api/tasks?instanceId=${instanceId}`, { token: admin });
      return r.body.items.find((t: any) => t.elementId === elementId && t.status === 'open');
    });
  /** the user claims the task if it is a group task, then completes it with the variables */
  const act = async (username: string, instanceId: string, elementId: string, variables: Record<string, unknown> = {}) => {
    const task = await openTask(instanceId, elementId);
    const token = await as(username);
    if (!task.assignee) expect((await server.call('POST', `/api/tasks/${task.id}/claim`, { token })).status).toBe(200);
    const r = await server.call('POST', `/api/tasks/${task.id}/complete`, { token, body: { variables } });
    expect(r.status).toBe(200);
    return task;
  };
  /** writes a letter and finds it as the office sees it (the newest one still at 审查 with that time) */
  const submitted = async () => {
    const receipt = await write();
    expect(receipt.status).toBe(201);
    const list = await server.call('GET', '/api/letters?limit=200', { token: await as('clerk') });
    const mine = list.body.items.find((l: any) => l.submittedAt === receipt.body.submittedAt && l.status === 'received');
    return { code: receipt.body.queryCode as string, letter: mine };
  };

  it('should take a letter from the public to a published reply with personal data masked, refusing an extension beyond 15 working days', async () => {
    // given: a letter written without signing in
    const { code, letter: l } = await submitted();
    expect(code).toMatch(/^[A-Za-z0-9_-]{20}$/);
    // the office sees the writer's phone and 身份证 number masked until someone handles the letter
    expect(l).toMatchObject({
      category: 'complaint',
      name: WRITER.name,
      phone: '139****5678',
      idNumber: '6109**********1234',
      handler: null,
    });
    expect((await publicView(code)).body).toMatchObject({ status: 'received', reply: null });
    const instance = await server.call('GET', `/api/instances/${l.instanceId}`, { token: admin });
    expect(instance.body).toMatchObject({ definitionKey: 'leader-mailbox', businessKey: l.id });

    // when: 审查 accepts it and 转办 sends it to the housing bureau's clerk
    await act('clerk', l.instanceId, 'review', { accepted: true, department: 'zjj', handler: 'zjj_clerk' });
    const handle = await openTask(l.instanceId, 'handle');
    // then: 5 working days from 转办
    const due5 = await server.call('GET', `/api/calendar/due?from=${encodeURIComponent(handle.createdAt)}&workdays=5`, { token: admin });
    expect(handle).toMatchObject({ assignee: 'zjj_clerk', dueAt: due5.body.dueAt });
    expect((await publicView(code)).body.status).toBe('handling');

    // when: the department asks for 5 more days (10 in all), then 6 more (16: refused), then 5 (15: allowed), then 1 (16: refused)
    const zjj = await as('zjj_clerk');
    const first = await server.call('POST', `/api/letters/${l.id}/extensions`, { token: zjj, body: { workdays: 5, reason: '需现场勘查' } });
    const tooMuch = await server.call('POST', `/api/letters/${l.id}/extensions`, {
      token: zjj,
      body: { workdays: 6, reason: '需协调资金' },
    });
    const afterRefusal = await server.call('GET', `/api/letters/${l.id}`, { token: zjj });
    const second = await server.call('POST', `/api/letters/${l.id}/extensions`, {
      token: zjj,
      body: { workdays: 5, reason: '需协调资金' },
    });
    const beyond = await server.call('POST', `/api/letters/${l.id}/extensions`, { token: zjj, body: { workdays: 1, reason: '再延一天' } });
    // then
    const due10 = await server.call('GET', `/api/calendar/due?from=${encodeURIComponent(handle.createdAt)}&workdays=10`, { token: admin });
    const due15 = await server.call('GET', `/api/calendar/due?from=${encodeURIComponent(handle.createdAt)}&workdays=15`, { token: admin });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ timeLimitWorkdays: 10, dueAt: due10.body.dueAt });
    // the handler calls the writer back: in clear to them, masked to the office
    expect((await server.call('GET', `/api/letters/${l.id}`, { token: zjj })).body).toMatchObject({
      phone: WRITER.phone,
      idNumber: WRITER.idNumber,
    });
    expect((await server.call('GET', `/api/letters/${l.id}`, { token: await as('clerk') })).body).toMatchObject({
      phone: '139****5678',
      idNumber: '6109**********1234',
    });
    // the workflow admin has no part in a letter (docs/security.md): not even masked
    expect((await server.call('GET', `/api/letters/${l.id}`, { token: admin })).status).toBe(404);
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('LETTER_EXTENSION_LIMIT');
    expect(afterRefusal.body).toMatchObject({ timeLimitWorkdays: 10, dueAt: due10.body.dueAt });
    expect(afterRefusal.body.extensions).toHaveLength(1);
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ timeLimitWorkdays: 15, dueAt: due15.body.dueAt });
    expect(second.body.extensions.map((e: any) => e.workdays)).toEqual([5, 5]);
    expect(beyond.status).toBe(422);
    expect(beyond.body.code).toBe('LETTER_EXTENSION_LIMIT');
    expect((await openTask(l.instanceId, 'handle')).dueAt).toBe(due15.body.dueAt);
    const history = await server.call('GET', `/api/instances/${l.instanceId}/history`, { token: zjj });
    expect(
      history.body.items.filter((e: any) => e.type === 'letter.extended').map((e: any) => [e.actor, e.details.timeLimitWorkdays]),
    ).toEqual([
      ['zjj_clerk', 10],
      ['zjj_clerk', 15],
    ]);

    // when: the department replies (naming the writer), the office leader approves, a clerk publishes
    const text = `${WRITER.name}您好：您反映的${WRITER.address}门前道路问题已列入维修计划。如有疑问请联系 0915-3212345，或回拨您留的 ${WRITER.phone}（身份证 ${WRITER.idNumber} 已核实）。`;
    const notYours = await server.call('POST', `/api/letters/${l.id}/reply`, { token: await as('clerk'), body: { text } });
    const replied = await server.call('POST', `/api/letters/${l.id}/reply`, { token: zjj, body: { text } });
    await act('head', l.instanceId, 'audit', { replyApproved: true });
    const published = await server.call('POST', `/api/letters/${l.id}/publish`, { token: await as('clerk'), body: {} });
    // then
    expect(notYours.status).toBe(403);
    expect(notYours.body.code).toBe('LETTER_NOT_YOURS');
    expect(replied.status).toBe(200);
    expect(replied.body).toMatchObject({ status: 'auditing', reply: text, repliedBy: 'zjj_clerk' });
    expect(published.status).toBe(200);
    const view = (await publicView(code)).body;
    expect(view).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    expect(view.reply).toContain('已列入维修计划');
    for (const secret of [WRITER.name, WRITER.phone, WRITER.idNumber, '建设路12号', '501', '3212345'])
      expect(view.reply).not.toContain(secret);
    expect(view.reply).toContain('李**');
    expect(view.reply).toContain('139****5678');
    expect(view.reply).toContain('610902********1234');
    expect(Object.keys(view).sort()).toEqual(['publishedAt', 'reply', 'status', 'submittedAt']);
    expect((await server.call('GET', `/api/instances/${l.instanceId}`, { token: admin })).body.status).toBe('completed');
  });

  it('should send a reply the office leader does not approve back to the department', async () => {
    // given
    const { code, letter: l } = await submitted();
    await act('clerk', l.instanceId, 'review', { accepted: true, department: 'cgj', handler: 'cgj_clerk' });
    await server.call('POST', `/api/letters/${l.id}/reply`, { token: await as('cgj_clerk'), body: { text: '已处理。' } });
    // when
    await act('head', l.instanceId, 'audit', { replyApproved: false });
    // then
    expect((await openTask(l.instanceId, 'handle')).assignee).toBe('cgj_clerk');
    expect((await publicView(code)).body).toMatchObject({ status: 'handling', reply: null });
  });

  it('should close a letter that is not accepted without any reply', async () => {
    // given
    const { code, letter: l } = await submitted();
    // when
    await act('clerk', l.instanceId, 'review', { accepted: false });
    // then
    expect((await publicView(code)).body).toMatchObject({ status: 'not-accepted', reply: null, publishedAt: null });
    const early = await server.call('POST', `/api/letters/${l.id}/publish`, { token: await as('clerk'), body: {} });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('LETTER_NOT_IN_STEP');
  });

  it('should refuse bad letters with 400 and unknown or malformed query codes with 404/400, storing nothing', async () => {
    // given
    const before = (await server.call('GET', '/api/letters', { token: await as('clerk') })).body.total;
    // when
    const extra = await write(letter({ status: 'published' }));
    const long = await write(letter({ content: '长'.repeat(5001) }));
    const badId = await write(letter({ idNumber: '12345' }));
    const badCategory = await write(letter({ category: '表扬' }));
    const noPhone = await write({ subject: '无电话', content: '内容', name: '王五' });
    const unknown = await publicView('A'.repeat(20));
    const malformed = await publicView('../../etc');
    // then
    for (const r of [extra, long, badId, badCategory, noPhone]) expect([r.status, r.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'LETTER_NOT_FOUND']);
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(malformed.status).toBeLessThan(500);
    expect((await server.call('GET', '/api/letters', { token: await as('clerk') })).body.total).toBe(before);
  });

  it('should keep the letters from the public and from other departments', async () => {
    // given
    const { letter: l } = await submitted();
    await act('clerk', l.instanceId, 'review', { accepted: true, department: 'zjj', handler: 'zjj_clerk' });
    // when
    const anonymous = await server.call('GET', '/api/letters');
    const staff = await server.call('GET', '/api/letters', { token: await as('staff') });
    const otherDept = await server.call('GET', `/api/letters/${l.id}`, { token: await as('czj_clerk') });
    const otherList = await server.call('GET', '/api/letters', { token: await as('czj_clerk') });
    const ownList = await server.call('GET', '/api/letters', { token: await as('zjj_clerk') });
    const otherExtends = await server.call('POST', `/api/letters/${l.id}/extensions`, {
      token: await as('czj_clerk'),
      body: { workdays: 1, reason: '越权' },
    });
    // then
    expect(anonymous.status).toBe(401);
    expect(staff.status).toBe(403);
    expect([otherDept.status, otherDept.body.code]).toEqual([404, 'LETTER_NOT_FOUND']);
    expect([otherList.status, otherList.body.total]).toEqual([200, 0]);
    expect(ownList.body.items.map((x: any) => x.id)).toContain(l.id);
    expect(ownList.body.items.every((x: any) => x.handler === 'zjj_clerk')).toBe(true);
    expect([otherExtends.status, otherExtends.body.code]).toEqual([404, 'LETTER_NOT_FOUND']);
  });

  it('should refuse more than the allowed letters from one address in ten minutes with 429', async () => {
    // given: the letters this address wrote above
    const already = written;
    expect(already).toBeLessThan(LETTERS_PER_IP);
    // when
    const statuses: number[] = [];
    for (let i = already; i <= LETTERS_PER_IP; i++) statuses.push((await write()).status);
    // then: the last one is over the limit
    expect(statuses).toEqual([...Array(LETTERS_PER_IP - already).fill(201), 429]);
    expect((await write()).body.code).toBe('RATE_LIMITED');
  });
});
