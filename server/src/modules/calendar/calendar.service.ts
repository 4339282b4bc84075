import { Injectable } from '@nestjs/common';
import type {
  CalendarChangeList,
  CalendarDay,
  CalendarDayStatus,
  CalendarYear,
  DueDate,
  ImportCalendarYear,
  SetCalendarDay,
} from '@liuzhuan/contracts';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { UserRepository } from '../org/org.api';
import { type AuditContext, type AuditEventInput, AuditTrail } from '../audit/audit.api';
import { type CalendarChangeAction, CalendarChangeEntity, CalendarDayEntity, CalendarYearEntity } from './calendar.entity';
import { CalendarErrors } from './calendar.errors';
import { CalendarRepository } from './calendar.repository';
import { STATUTORY_SOURCE, statutoryDataVersion, statutoryDays, type StatutoryDay } from './statutory-calendar';
import { parseDay, yearOf } from './workday-arithmetic';
import { WorkdayCalendarService } from './workday-calendar.service';

/** Where a year typed in by the admin came from, as opposed to the bundled data. */
const MANUAL_SOURCE = 'manual';

/** The audit event a calendar change is recorded as. */
type CalendarEvent = Pick<AuditEventInput, 'type' | 'targetId'>;

type ChangeStep = (
  m: EntityManager,
  version: number,
) => Promise<{ action: CalendarChangeAction; year: number | null; day: string | null; details: unknown }>;

/** A committed calendar change: the days it may have changed and who made it. */
export interface CalendarChange {
  version: number;
  /** the first and last changed day (`YYYY-MM-DD`): the day set or removed, or the year imported */
  from: string;
  to: string;
  actorId: string;
  audit: AuditContext;
}

/** Work that follows a calendar change (recounting deadlines), run after it committed and the calendar reloaded. */
export type CalendarChangedListener = (change: CalendarChange) => Promise<void>;

function toCalendarDay(row: CalendarDayEntity): CalendarDay {
  return { day: row.day, kind: row.kind, name: row.name, source: row.source };
}

/** The entry that applies on a date: the local row when there is one, else the statutory one. */
function effective(rows: CalendarDayEntity[]): CalendarDayEntity | null {
  return rows.find((r) => r.source === 'local') ?? rows.find((r) => r.source === 'statutory') ?? null;
}

/**
 * Reading and changing the working-day calendar. Every change takes the next calendar version,
 * writes the change log and the days in one transaction, then refreshes the in-memory calendar.
 */
@Injectable()
export class CalendarService {
  private readonly listeners: CalendarChangedListener[] = [];

  constructor(
    private readonly calendar: CalendarRepository,
    private readonly workdays: WorkdayCalendarService,
    private readonly tx: TransactionRunner,
    private readonly users: UserRepository,
    private readonly trail: AuditTrail,
  ) {}

  /**
   * Registers work to do after every calendar change (the documents module recounts deadlines):
   * the calendar module cannot import the modules that depend on it.
   */
  onChanged(listener: CalendarChangedListener): void {
    this.listeners.push(listener);
  }

  async year(year: number): Promise<CalendarYear> {
    const calendarVersion = await this.calendar.currentVersion();
    const [rows, loaded] = await Promise.all([this.calendar.daysOfYear(year), this.calendar.findYear(year)]);
    const byDay = new Map<string, CalendarDayEntity[]>();
    for (const row of rows) byDay.set(row.day, [...(byDay.get(row.day) ?? []), row]);
    const days = [...byDay.values()].map((list) => toCalendarDay(effective(list) as CalendarDayEntity));
    return { year, loaded: loaded !== null, calendarVersion, days };
  }

  /** The change log, newest first, with the actors' usernames. */
  async changes(limit: number): Promise<CalendarChangeList> {
    if (limit < 1 || limit > 500) throw CalendarErrors.invalidLimit();
    const rows = await this.calendar.changes(limit);
    const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
    const users = await this.users.findByIds(actorIds);
    const names = new Map(users.map((u) => [u.id, u.username]));
    return {
      items: rows.map((r) => ({
        version: r.version,
        at: r.at.toISOString(),
        actor: r.actorId ? (names.get(r.actorId) ?? r.actorId) : null,
        action: r.action,
        year: r.year,
        day: r.day,
        details: JSON.parse(r.details) as Record<string, unknown>,
      })),
    };
  }

  /** The HTTP form of the deadline: `workdays` arrives as query text. */
  async due(from: string, workdays: string): Promise<DueDate> {
    if (!/^\d{1,3}$/.test(workdays)) {
      throw CalendarErrors.invalidWorkdays(workdays);
    }
    // another process may have changed the calendar since this one's last poll
    await this.workdays.refreshIfChanged();
    const { dueAt, provisional, calendarVersion } = this.workdays.due(from, Number(workdays));
    return { dueAt, provisional, calendarVersion };
  }

  /** A local holiday or working day (e.g. a 市政府 decision for a local event), overriding the statutory entry. */
  async setDay(dayText: string, input: SetCalendarDay, actorId: string, audit: AuditContext): Promise<CalendarDayStatus> {
    const day = this.validDay(dayText);
    await this.change(actorId, audit, { type: 'calendar.day.set', targetId: day }, { from: day, to: day }, async (m, version) => {
      const before = effective(await this.calendar.daysOf(day, m));
      const row = Object.assign(new CalendarDayEntity(), {
        day,
        source: 'local',
        kind: input.kind,
        name: input.name,
        calendarVersion: version,
      });
      await this.calendar.upsertDay(row, m);
      return { action: 'set-day', year: yearOf(day), day, details: { before: before && toCalendarDay(before), after: toCalendarDay(row) } };
    });
    return this.status(day);
  }

  async removeDay(dayText: string, actorId: string, audit: AuditContext): Promise<CalendarDayStatus> {
    const day = this.validDay(dayText);
    await this.change(actorId, audit, { type: 'calendar.day.remove', targetId: day }, { from: day, to: day }, async (m) => {
      const rows = await this.calendar.daysOf(day, m);
      const local = rows.find((r) => r.source === 'local');
      // thrown after the version was taken: the rollback gives the version back
      if (!local) throw CalendarErrors.overrideNotFound(day);
      await this.calendar.deleteDay(day, 'local', m);
      const after = effective(rows.filter((r) => r.source !== 'local'));
      return {
        action: 'remove-day',
        year: yearOf(day),
        day,
        details: { before: toCalendarDay(local), after: after && toCalendarDay(after) },
      };
    });
    return this.status(day);
  }

  /**
   * Loads a year's statutory days, replacing what was loaded for that year before (a corrected
   * notice); local days stay. Without `days` in the body the bundled data is used.
   */
  async importYear(year: number, input: ImportCalendarYear, actorId: string, audit: AuditContext): Promise<CalendarYear> {
    const manual = input.days !== undefined;
    const days = manual ? this.validImportDays(year, input.days ?? []) : statutoryDays(year);
    if (!days) throw CalendarErrors.yearUnknown(year);
    await this.change(
      actorId,
      audit,
      { type: 'calendar.import', targetId: String(year) },
      { from: `${year}-01-01`, to: `${year}-12-31` },
      async (m, version) => {
        const previous = (await this.calendar.daysOfYear(year, m)).filter((r) => r.source === 'statutory').length;
        const rows = days.map((d) => Object.assign(new CalendarDayEntity(), { ...d, source: 'statutory', calendarVersion: version }));
        await this.calendar.replaceStatutoryYear(year, rows, m);
        const source = manual ? MANUAL_SOURCE : STATUTORY_SOURCE;
        await this.calendar.saveYear(
          Object.assign(new CalendarYearEntity(), { year, source, loadedAt: new Date(), calendarVersion: version }),
          m,
        );
        const count = (kind: string) => days.filter((d) => d.kind === kind).length;
        const details = {
          source,
          ...(manual ? {} : { dataVersion: statutoryDataVersion() }),
          holidays: count('holiday'),
          workdays: count('workday'),
          replaced: previous,
        };
        return { action: 'import', year, day: null, details };
      },
    );
    return this.year(year);
  }

  private async status(day: string): Promise<CalendarDayStatus> {
    const entry = effective(await this.calendar.daysOf(day));
    return {
      day,
      workingDay: this.workdays.isWorkingDay(day),
      entry: entry && toCalendarDay(entry),
      calendarVersion: this.workdays.version,
    };
  }

  /**
   * Runs one change under the next calendar version with its change-log row, then reloads the
   * calendar. The shared transaction runner serializes writers on SQLite's single connection;
   * across processes the version row lock serializes them.
   */
  private async change(
    actorId: string,
    audit: AuditContext,
    event: CalendarEvent,
    span: { from: string; to: string },
    apply: ChangeStep,
  ): Promise<void> {
    const recorded = { ...event, targetType: 'calendar' };
    await this.trail.failureRecorded(audit, recorded, () =>
      this.tx.run(async (tx) => {
        const m = tx.manager;
        const version = await this.calendar.nextVersion(m);
        const { action, year, day, details } = await apply(m, version);
        const change = Object.assign(new CalendarChangeEntity(), {
          version,
          at: new Date(),
          actorId,
          action,
          year,
          day,
          details: JSON.stringify(details),
        });
        await this.calendar.appendChange(change, m);
        this.trail.record(tx, audit, { ...recorded, details: { calendarVersion: version, ...(details as Record<string, unknown>) } });
      }),
    );
    await this.workdays.reload();
    const change: CalendarChange = { version: this.workdays.version, from: span.from, to: span.to, actorId, audit };
    // after the commit: a recount reads the new calendar; one that fails leaves the calendar
    // changed and is repeated by the next change (each recount starts from the registrations)
    for (const listener of this.listeners) await listener(change);
  }

  private validDay(text: string): string {
    const day = parseDay(text);
    if (!day) throw CalendarErrors.invalidDate(text);
    return day;
  }

  private validImportDays(year: number, days: StatutoryDay[]): StatutoryDay[] {
    const seen = new Set<string>();
    for (const d of days) {
      this.validDay(d.day);
      if (yearOf(d.day) !== year) throw CalendarErrors.dayOutsideYear(d.day, year);
      if (seen.has(d.day)) throw CalendarErrors.duplicateDay(d.day);
      seen.add(d.day);
    }
    return days;
  }
}
