import { UserRepository } from '../../src/modules/org/user.repository';
import type { DataSource } from 'typeorm';
import { CalendarRepository } from '../../src/modules/calendar/calendar.repository';
import { TransactionRunner } from '../../src/platform/database/transaction-runner';
import { CalendarService } from '../../src/modules/calendar/calendar.service';
import { statutoryDays, statutoryYears } from '../../src/modules/calendar/statutory-calendar';
import { WorkdayCalendarService } from '../../src/modules/calendar/workday-calendar.service';
import { AuditTrail, SYSTEM_AUDIT } from '../../src/modules/audit/audit.api';
import { createDataSource, migrate } from '../../src/platform/database/data-source';
import { createTestEnvironment, TEST_TARGET, type TestEnvironment } from '../support/test-env';

/** One process's view of the calendar: its own connection pool, in-memory calendar and service. */
interface Process {
  ds: DataSource;
  workdays: WorkdayCalendarService;
  calendar: CalendarService;
  repo: CalendarRepository;
}

describe('working-day calendar (medium)', () => {
  let env: TestEnvironment;
  let a: Process;
  let b: Process;

  async function start(): Promise<Process> {
    const ds = createDataSource(env.config.database);
    await ds.initialize();
    await migrate(ds);
    const repo = new CalendarRepository(ds);
    const workdays = new WorkdayCalendarService(repo, env.config);
    await workdays.onModuleInit();
    const runner = new TransactionRunner(ds);
    return { ds, repo, workdays, calendar: new CalendarService(repo, workdays, runner, new UserRepository(ds), new AuditTrail(runner)) };
  }

  beforeAll(async () => {
    env = await createTestEnvironment();
    a = await start();
    b = await start();
  });
  afterAll(async () => {
    for (const p of [a, b]) {
      p?.workdays.onModuleDestroy();
      await p?.ds.destroy();
    }
    await env.dispose();
  });

  it('should seed every statutory year and day as calendar version 1 when migrating', async () => {
    // given a freshly migrated database
    // when
    const years = (await a.repo.loadedYears()).map((y) => y.year).sort((x, y) => x - y);
    const days = await a.repo.allDays();
    const [seed] = await a.repo.changes(1);
    // then
    expect(years).toEqual(statutoryYears());
    expect(years[0]).toBe(2004);
    expect(years).toContain(2026);
    expect(days).toHaveLength(statutoryYears().reduce((n, y) => n + (statutoryDays(y)?.length ?? 0), 0));
    expect(days.every((d) => d.source === 'statutory' && d.calendarVersion === 1)).toBe(true);
    expect(await a.repo.currentVersion()).toBe(1);
    expect(seed).toMatchObject({ version: 1, action: 'seed', actorId: null });
    expect(JSON.parse(seed.details)).toMatchObject({ source: 'chinese-days', years: [2004, 2026] });
  });

  it('should let another process see a change when it checks the calendar version', async () => {
    // given both processes count 9 October 2025 as a working day
    expect(b.workdays.isWorkingDay('2025-10-09')).toBe(true);
    // when process A declares it a local holiday
    const status = await a.calendar.setDay('2025-10-09', { kind: 'holiday', name: '市庆日' }, 'medium-test-admin', SYSTEM_AUDIT);
    // then A applies it at once, B after its next version check
    expect(a.workdays.isWorkingDay('2025-10-09')).toBe(false);
    expect(b.workdays.isWorkingDay('2025-10-09')).toBe(true);
    await b.workdays.refreshIfChanged();
    expect(b.workdays.isWorkingDay('2025-10-09')).toBe(false);
    expect(b.workdays.version).toBe(status.calendarVersion);
    expect(b.workdays.addWorkdays('2025-09-30T10:00:00+08:00', 1)).toEqual({ dueAt: '2025-10-10T09:30:00.000Z', provisional: false });
  });

  it('should give concurrent changes distinct consecutive versions when several arrive at once', async () => {
    // given two processes on MySQL; on SQLite one process owns the file (better-sqlite3 blocks the
    // thread while waiting for a lock, so two data sources in one process would deadlock)
    const writers = TEST_TARGET === 'production' ? [a, b] : [a];
    const before = await a.repo.currentVersion();
    const days = ['2025-11-03', '2025-11-04', '2025-11-05', '2025-11-06', '2025-11-07', '2025-11-10'];
    // when the calendar is changed six times at the same time
    await Promise.all(
      days.map((day, i) =>
        writers[i % writers.length].calendar.setDay(day, { kind: 'holiday', name: `本地假日${i}` }, 'medium-test-admin', SYSTEM_AUDIT),
      ),
    );
    // then every change has its own version and change-log row
    const changes = await a.repo.changes(days.length);
    expect(await a.repo.currentVersion()).toBe(before + days.length);
    expect(changes.map((c) => c.version).sort((x, y) => x - y)).toEqual(days.map((_, i) => before + 1 + i));
    expect(changes.map((c) => c.day).sort()).toEqual(days);
    const rows = (await a.repo.daysOfYear(2025)).filter((r) => r.source === 'local' && days.includes(r.day));
    expect(new Set(rows.map((r) => r.calendarVersion)).size).toBe(days.length);
  });

  it('should keep local days and replace the statutory ones when a year is imported again', async () => {
    // given a local holiday in 2025 (set above) and a manually imported 2025 with one day only
    await a.calendar.importYear(2025, { days: [{ day: '2025-01-01', kind: 'holiday', name: '元旦' }] }, 'medium-test-admin', SYSTEM_AUDIT);
    expect((await a.repo.daysOfYear(2025)).filter((r) => r.source === 'statutory')).toHaveLength(1);
    // when the bundled data is imported again
    const year = await a.calendar.importYear(2025, {}, 'medium-test-admin', SYSTEM_AUDIT);
    // then the statutory days are back and the local day still wins
    expect(year.days.filter((d) => d.kind === 'workday' && d.source === 'statutory')).toHaveLength(5);
    expect(year.days).toContainEqual({ day: '2025-10-09', kind: 'holiday', name: '市庆日', source: 'local' });
    expect((await a.repo.findYear(2025))?.source).toBe('chinese-days');
  });

  it('should end the deadline at the configured time when LIUZHUAN_WORKDAY_END is set', async () => {
    // given a process configured to end working days at 18:00
    const late = new WorkdayCalendarService(a.repo, { ...env.config, calendar: { workdayEnd: '18:00' } });
    await late.reload();
    // when; then 18:00 Beijing is 10:00 UTC
    expect(late.addWorkdays('2025-03-03T09:00:00+08:00', 1).dueAt).toBe('2025-03-04T10:00:00.000Z');
  });
});
