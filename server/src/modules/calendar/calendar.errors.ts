import { DomainError } from '../../platform/errors/domain-error';
import { MAX_YEAR, MIN_YEAR } from './workday-arithmetic';

/** The largest count accepted: a year of working days is far beyond any 办理时限. */
export const MAX_WORKDAYS = 365;

/**
 * The calendar module's rejections. The codes and their Chinese texts live in
 * `libs/contracts/src/calendar.errors.ts`; the English messages here name the offending value.
 */
export const CalendarErrors = {
  invalidDate: (text: string) =>
    new DomainError(
      'CALENDAR_INVALID_DATE',
      `Not an ISO 8601 date-time with offset or a date YYYY-MM-DD in ${MIN_YEAR}–${MAX_YEAR}: ${JSON.stringify(text)}`,
    ),
  invalidWorkdays: (value: unknown) =>
    new DomainError('CALENDAR_INVALID_WORKDAYS', `workdays must be an integer from 0 to ${MAX_WORKDAYS}, got ${JSON.stringify(value)}`),
  yearUnknown: (year: number) =>
    new DomainError('CALENDAR_YEAR_UNKNOWN', `The bundled holiday data has no ${year}; send the year's days in the body`),
  dayOutsideYear: (day: string, year: number) => new DomainError('CALENDAR_DAY_OUTSIDE_YEAR', `${day} is not in ${year}`),
  duplicateDay: (day: string) => new DomainError('CALENDAR_DUPLICATE_DAY', `${day} is listed twice`),
  overrideNotFound: (day: string) => new DomainError('CALENDAR_OVERRIDE_NOT_FOUND', `No local day on ${day}`),
  invalidLimit: () => new DomainError('VALIDATION_FAILED', 'limit must be between 1 and 500'),
};
