import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CalendarDaySource } from '@liuzhuan/contracts';
import { DataSource, type EntityManager, Like } from 'typeorm';
import { CalendarChangeEntity, CalendarDayEntity, CalendarVersionEntity, CalendarYearEntity } from './calendar.entity';

@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** The current calendar version, one indexed single-row read (polled by every process). */
  async currentVersion(manager?: EntityManager): Promise<number> {
    const row = await this.m(manager).getRepository(CalendarVersionEntity).findOneBy({ id: 1 });
    // the migration writes the row; its absence means the schema is not migrated
    if (!row) throw new Error('calendar_version row missing: run the migrations');
    return row.version;
  }

  /**
   * Takes the next calendar version inside the caller's transaction. The UPDATE comes first so
   * that on MySQL it takes the row lock (concurrent admins queue behind each other and get
   * distinct versions) and on SQLite it takes the write lock before anything is read.
   */
  async nextVersion(manager: EntityManager): Promise<number> {
    await manager
      .createQueryBuilder()
      .update(CalendarVersionEntity)
      .set({ version: () => 'version + 1' })
      .where('id = 1')
      .execute();
    return this.currentVersion(manager);
  }

  allDays(manager?: EntityManager): Promise<CalendarDayEntity[]> {
    return this.m(manager).getRepository(CalendarDayEntity).find();
  }

  daysOfYear(year: number, manager?: EntityManager): Promise<CalendarDayEntity[]> {
    return this.m(manager)
      .getRepository(CalendarDayEntity)
      .find({ where: { day: Like(`${year}-%`) }, order: { day: 'ASC' } });
  }

  daysOf(day: string, manager?: EntityManager): Promise<CalendarDayEntity[]> {
    return this.m(manager).getRepository(CalendarDayEntity).findBy({ day });
  }

  async upsertDay(row: CalendarDayEntity, manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(CalendarDayEntity);
    await repo.delete({ day: row.day, source: row.source });
    await repo.insert(row);
  }

  async deleteDay(day: string, source: CalendarDaySource, manager: EntityManager): Promise<number> {
    return (await manager.getRepository(CalendarDayEntity).delete({ day, source })).affected ?? 0;
  }

  /** Replaces a year's statutory rows; local rows of that year stay. */
  async replaceStatutoryYear(year: number, rows: CalendarDayEntity[], manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(CalendarDayEntity);
    await repo.delete({ day: Like(`${year}-%`), source: 'statutory' });
    for (let i = 0; i < rows.length; i += 100) await repo.insert(rows.slice(i, i + 100));
  }

  loadedYears(manager?: EntityManager): Promise<CalendarYearEntity[]> {
    return this.m(manager).getRepository(CalendarYearEntity).find();
  }

  findYear(year: number, manager?: EntityManager): Promise<CalendarYearEntity | null> {
    return this.m(manager).getRepository(CalendarYearEntity).findOneBy({ year });
  }

  async saveYear(row: CalendarYearEntity, manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(CalendarYearEntity);
    await repo.delete({ year: row.year });
    await repo.insert(row);
  }

  async appendChange(change: CalendarChangeEntity, manager: EntityManager): Promise<void> {
    await manager.getRepository(CalendarChangeEntity).insert(change);
  }

  changes(limit: number, manager?: EntityManager): Promise<CalendarChangeEntity[]> {
    return this.m(manager)
      .getRepository(CalendarChangeEntity)
      .find({ order: { version: 'DESC' }, take: limit });
  }
}
