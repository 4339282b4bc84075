import { CalendarRepository } from '../../src/modules/calendar/calendar.repository';
import { TestServer } from '../support/test-server';

describe('working-day calendar (e2e)', () => {
  let server: TestServer;
  let sysadmin: string;
  let clerk: string;

  beforeAll(async () => {
    server = await TestServer.start();
    [sysadmin, clerk] = await Promise.all([server.login('sysadmin'), server.login('clerk')]);
  });
  afterAll(() => server.stop());

  const due = (from: string, workdays: number | string) =>
    server.call('GET', `/api/calendar/due?from=${encodeURIComponent(from)}&workdays=${encodeURIComponent(String(workdays))}`, {
      token: clerk,
    });
  const version = async () => (await server.call('GET', '/api/calendar?year=2025', { token: clerk })).body.calendarVersion as number;

  it('should count across 国庆/中秋 2025 and the make-up Saturday when received on 30 September', async () => {
    // given receipt on Tuesday 2025-09-30 (1–8 October are holidays, Saturday 11 October is worked)
    const from = '2025-09-30T10:00:00+08:00';
    // when
    const results = await Promise.all([1, 2, 3, 4].map((n) => due(from, n)));
    // then
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(results.map((r) => r.body.dueAt)).toEqual([
      '2025-10-09T09:30:00.000Z',
      '2025-10-10T09:30:00.000Z',
      '2025-10-11T09:30:00.000Z',
      '2025-10-13T09:30:00.000Z',
    ]);
    expect(results[0].body).toMatchObject({ provisional: false, calendarVersion: expect.any(Number) });
  });

  it('should count the make-up Sunday 28 September 2025 when received on the Friday before', async () => {
    const r = await due('2025-09-26T10:00:00+08:00', 1);
    expect(r.body).toMatchObject({ dueAt: '2025-09-28T09:30:00.000Z', provisional: false });
  });

  it('should list 2025 with its holidays and make-up days when any signed-in user asks', async () => {
    // when
    const r = await server.call('GET', '/api/calendar?year=2025', { token: clerk });
    // then
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ year: 2025, loaded: true });
    expect(r.body.days.filter((d: any) => d.kind === 'workday').map((d: any) => d.day)).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
    expect(r.body.days).toContainEqual({ day: '2025-10-06', kind: 'holiday', name: '中秋', source: 'statutory' });
    expect((await server.call('GET', '/api/calendar?year=2027', { token: clerk })).body).toMatchObject({
      year: 2027,
      loaded: false,
      days: [],
    });
  });

  it.each([
    ['2025-02-30T10:00:00+08:00', '1', 'CALENDAR_INVALID_DATE'],
    ['2025-09-30T10:00:00', '1', 'CALENDAR_INVALID_DATE'],
    ['yesterday', '1', 'CALENDAR_INVALID_DATE'],
    ['2025-09-30T10:00:00+08:00', '-1', 'CALENDAR_INVALID_WORKDAYS'],
    ['2025-09-30T10:00:00+08:00', '1.5', 'CALENDAR_INVALID_WORKDAYS'],
    ['2025-09-30T10:00:00+08:00', '366', 'CALENDAR_INVALID_WORKDAYS'],
    ['2025-09-30T10:00:00+08:00', 'three', 'CALENDAR_INVALID_WORKDAYS'],
  ])('should answer 400 when from=%s and workdays=%s', async (from, workdays, code) => {
    const r = await due(from, workdays);
    expect([r.status, r.body.code]).toEqual([400, code]);
  });

  it('should answer 400 when a parameter is missing or unknown', async () => {
    expect((await server.call('GET', '/api/calendar/due?workdays=1', { token: clerk })).status).toBe(400);
    expect((await server.call('GET', '/api/calendar/due?from=2025-09-30&workdays=1&tz=utc', { token: clerk })).status).toBe(400);
    expect((await server.call('GET', '/api/calendar?year=1800', { token: clerk })).body.code).toBe('VALIDATION_FAILED');
  });

  it('should refuse every calendar change when the user is not the system admin, and change nothing', async () => {
    // given
    const before = await version();
    // when
    const put = await server.call('PUT', '/api/calendar/days/2025-10-09', { token: clerk, body: { kind: 'holiday', name: '本地假日' } });
    const del = await server.call('DELETE', '/api/calendar/days/2025-10-09', { token: clerk });
    const imp = await server.call('POST', '/api/calendar/years/2027/import', { token: clerk, body: {} });
    // then
    expect([put.status, del.status, imp.status]).toEqual([403, 403, 403]);
    expect(put.body.code).toBe('FORBIDDEN_ROLE');
    expect(await version()).toBe(before);
  });

  it('should move the deadline and bump the calendar version when the admin sets and removes a local holiday', async () => {
    // given
    const before = (await due('2025-09-30T10:00:00+08:00', 1)).body;
    // when 9 October is declared a local holiday
    const set = await server.call('PUT', '/api/calendar/days/2025-10-09', { token: sysadmin, body: { kind: 'holiday', name: '市庆日' } });
    const during = (await due('2025-09-30T10:00:00+08:00', 1)).body;
    // then
    expect(set.status).toBe(200);
    expect(set.body).toEqual({
      day: '2025-10-09',
      workingDay: false,
      entry: { day: '2025-10-09', kind: 'holiday', name: '市庆日', source: 'local' },
      calendarVersion: before.calendarVersion + 1,
    });
    expect(during).toEqual({ dueAt: '2025-10-10T09:30:00.000Z', provisional: false, calendarVersion: before.calendarVersion + 1 });
    // when the override is removed again
    const removed = await server.call('DELETE', '/api/calendar/days/2025-10-09', { token: sysadmin });
    // then the statutory calendar applies and the version moved on once more
    expect(removed.body).toEqual({ day: '2025-10-09', workingDay: true, entry: null, calendarVersion: before.calendarVersion + 2 });
    expect((await due('2025-09-30T10:00:00+08:00', 1)).body).toEqual({ ...before, calendarVersion: before.calendarVersion + 2 });
  });

  it('should let a local working day override a make-up day and fall back to the statutory entry when removed', async () => {
    // given Saturday 11 October 2025, a statutory make-up workday, declared a local rest day
    await server.call('PUT', '/api/calendar/days/2025-10-11', { token: sysadmin, body: { kind: 'holiday', name: '本地调整休息' } });
    expect((await due('2025-09-30T10:00:00+08:00', 3)).body.dueAt).toBe('2025-10-13T09:30:00.000Z');
    // when the override is removed
    const removed = await server.call('DELETE', '/api/calendar/days/2025-10-11', { token: sysadmin });
    // then the make-up day counts again
    expect(removed.body.entry).toEqual({ day: '2025-10-11', kind: 'workday', name: '国庆节调休上班', source: 'statutory' });
    expect((await due('2025-09-30T10:00:00+08:00', 3)).body.dueAt).toBe('2025-10-11T09:30:00.000Z');
  });

  it.each([
    ['PUT', '/api/calendar/days/2025-13-01', { kind: 'holiday', name: 'x' }, 400, 'CALENDAR_INVALID_DATE'],
    ['PUT', '/api/calendar/days/2025-10-09', { kind: 'rest', name: 'x' }, 400, 'VALIDATION_FAILED'],
    ['DELETE', '/api/calendar/days/2025-10-12', undefined, 404, 'CALENDAR_OVERRIDE_NOT_FOUND'],
    ['POST', '/api/calendar/years/2027/import', {}, 422, 'CALENDAR_YEAR_UNKNOWN'],
    [
      'POST',
      '/api/calendar/years/2027/import',
      { days: [{ day: '2028-01-01', kind: 'holiday', name: '元旦' }] },
      422,
      'CALENDAR_DAY_OUTSIDE_YEAR',
    ],
    [
      'POST',
      '/api/calendar/years/2027/import',
      {
        days: [
          { day: '2027-01-01', kind: 'holiday', name: '元旦' },
          { day: '2027-01-01', kind: 'holiday', name: '元旦' },
        ],
      },
      422,
      'CALENDAR_DUPLICATE_DAY',
    ],
  ])('should refuse %s %s with its code and leave the calendar version unchanged', async (method, path, body, status, code) => {
    // given
    const before = await version();
    // when
    const r = await server.call(method, path, { token: sysadmin, body });
    // then
    expect([r.status, r.body.code]).toEqual([status, code]);
    expect(await version()).toBe(before);
  });

  it('should clear the provisional flag when the admin imports 2027 from the State Council notice', async () => {
    // given a deadline running into 2027 is provisional
    const from = '2026-12-30T10:00:00+08:00';
    expect((await due(from, 3)).body).toMatchObject({ dueAt: '2027-01-04T09:30:00.000Z', provisional: true });
    // when 2027's days are imported (1 January a Friday holiday, Saturday 9 January a make-up day)
    const days = [
      { day: '2027-01-01', kind: 'holiday', name: '元旦' },
      { day: '2027-01-04', kind: 'holiday', name: '元旦' },
      { day: '2027-01-09', kind: 'workday', name: '元旦调休上班' },
    ];
    const imported = await server.call('POST', '/api/calendar/years/2027/import', { token: sysadmin, body: { days } });
    // then
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ year: 2027, loaded: true, days: days.map((d) => ({ ...d, source: 'statutory' })) });
    const after = (await due(from, 3)).body;
    expect(after).toEqual({ dueAt: '2027-01-06T09:30:00.000Z', provisional: false, calendarVersion: imported.body.calendarVersion });
  });

  it('should reload a year from the bundled data when imported without days', async () => {
    // given
    const before = await version();
    // when
    const r = await server.call('POST', '/api/calendar/years/2026/import', { token: sysadmin });
    // then
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ year: 2026, loaded: true, calendarVersion: before + 1 });
    expect(r.body.days.filter((d: any) => d.kind === 'workday')).toHaveLength(6);
  });

  it('should write one change-log row per version with the admin as actor when the calendar changes', async () => {
    // given the changes of the tests above
    const changes = await server.app.get(CalendarRepository).changes(100);
    // then every version from the seed on is there exactly once, newest first
    const current = await version();
    expect(changes.map((c: any) => c.version)).toEqual(Array.from({ length: current }, (_, i) => current - i));
    expect(changes[changes.length - 1]).toMatchObject({ version: 1, action: 'seed', actorId: null });
    const me = (await server.call('GET', '/api/auth/me', { token: sysadmin })).body.id;
    expect(changes.filter((c: any) => c.version > 1).every((c: any) => c.actorId === me)).toBe(true);
    const imported2027 = changes.find((c: any) => c.action === 'import' && c.year === 2027);
    expect(JSON.parse(imported2027?.details ?? 'null')).toMatchObject({ source: 'manual', holidays: 2, workdays: 1, replaced: 0 });
    const set = changes.find((c: any) => c.action === 'set-day' && c.day === '2025-10-09');
    expect(JSON.parse(set?.details ?? 'null')).toEqual({
      before: null,
      after: { day: '2025-10-09', kind: 'holiday', name: '市庆日', source: 'local' },
    });
  });

  it('should show the change log to the system admin and the auditor, newest first with usernames, and to nobody else', async () => {
    // given the changes of the tests above
    const auditor = await server.login('auditor');
    // when
    const log = await server.call('GET', '/api/calendar/changes?limit=3', { token: sysadmin });
    const audited = await server.call('GET', '/api/calendar/changes', { token: auditor });
    const clerk = await server.call('GET', '/api/calendar/changes', { token: await server.login('clerk') });
    const bad = await server.call('GET', '/api/calendar/changes?limit=9999', { token: sysadmin });
    // then
    const current = await version();
    expect(log.status).toBe(200);
    expect(log.body.items.map((c: any) => c.version)).toEqual([current, current - 1, current - 2]);
    expect(log.body.items.every((c: any) => c.actor === 'sysadmin')).toBe(true);
    expect(audited.body.items.at(-1)).toMatchObject({ version: 1, action: 'seed', actor: null });
    expect(audited.body.items.find((c: any) => c.action === 'set-day' && c.day === '2025-10-09').details.after).toMatchObject({
      kind: 'holiday',
      name: '市庆日',
    });
    expect([clerk.status, clerk.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
