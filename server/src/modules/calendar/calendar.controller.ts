import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  type CalendarChangeList,
  type CalendarChangeQuery,
  CalendarChangeQuerySchema,
  type CalendarDayStatus,
  type CalendarYear,
  CalendarYearParamSchema,
  type CalendarYearQuery,
  CalendarYearQuerySchema,
  type DueDate,
  type DueDateQuery,
  DueDateQuerySchema,
  type ImportCalendarYear,
  ImportCalendarYearSchema,
  type SessionUser,
  type SetCalendarDay,
  SetCalendarDaySchema,
} from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser, RequireRoles } from '../auth/auth.api';
import { type AuditContext, RequestAudit } from '../audit/audit.api';
import { CalendarService } from './calendar.service';

@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  year(@Query(validate(CalendarYearQuerySchema)) query: CalendarYearQuery): Promise<CalendarYear> {
    return this.calendar.year(query.year);
  }

  @Get('due')
  due(@Query(validate(DueDateQuerySchema)) query: DueDateQuery): Promise<DueDate> {
    return this.calendar.due(query.from, query.workdays);
  }

  @Get('changes')
  @RequireRoles('system_admin', 'auditor')
  changes(@Query(validate(CalendarChangeQuerySchema)) query: CalendarChangeQuery): Promise<CalendarChangeList> {
    return this.calendar.changes(query.limit === undefined ? 100 : Number(query.limit));
  }

  @Put('days/:day')
  @RequireRoles('system_admin')
  setDay(
    @Param('day') day: string,
    @Body(validate(SetCalendarDaySchema)) body: SetCalendarDay,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<CalendarDayStatus> {
    return this.calendar.setDay(day, body, user.id, audit);
  }

  @Delete('days/:day')
  @RequireRoles('system_admin')
  removeDay(@Param('day') day: string, @CurrentUser() user: SessionUser, @RequestAudit() audit: AuditContext): Promise<CalendarDayStatus> {
    return this.calendar.removeDay(day, user.id, audit);
  }

  @Post('years/:year/import')
  @HttpCode(200)
  @RequireRoles('system_admin')
  importYear(
    @Param('year', validate(CalendarYearParamSchema)) year: number,
    @Body(validate(ImportCalendarYearSchema)) body: ImportCalendarYear,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<CalendarYear> {
    return this.calendar.importYear(year, body, user.id, audit);
  }
}
