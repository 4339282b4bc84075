import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarChangeEntity, CalendarDayEntity, CalendarVersionEntity, CalendarYearEntity } from './calendar.entity';
import { OrgModule } from '../org/org.api';
import { AuditModule } from '../audit/audit.api';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { WORKDAY_CALENDAR, WorkdayCalendarService } from './workday-calendar.service';

/**
 * The working-day calendar. The runtime and the documents module import this module and inject
 * `WORKDAY_CALENDAR` (the engine's `WorkdayCalendar` port) or `WorkdayCalendarService` itself.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([CalendarDayEntity, CalendarYearEntity, CalendarVersionEntity, CalendarChangeEntity]),
    OrgModule,
    AuditModule,
  ],
  controllers: [CalendarController],
  providers: [
    CalendarRepository,
    WorkdayCalendarService,
    CalendarService,
    { provide: WORKDAY_CALENDAR, useExisting: WorkdayCalendarService },
  ],
  exports: [WorkdayCalendarService, WORKDAY_CALENDAR, CalendarService],
})
export class CalendarModule {}
