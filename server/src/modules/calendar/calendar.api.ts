// The calendar module's public surface for other modules: working-day arithmetic.
export { WORKDAY_CALENDAR, WorkdayCalendarService, type WorkdayCalendar } from './workday-calendar.service';
export { CalendarModule } from './calendar.module';
export { CalendarService, type CalendarChange } from './calendar.service';
