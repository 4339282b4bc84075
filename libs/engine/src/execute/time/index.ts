export {
  addDuration,
  firstFireAt,
  isExpressionText,
  nextCycleFireAt,
  parseTimer,
  type CycleTimer,
  type TimerDefinition,
  type TimerParse,
  type WorkdayCalendar,
} from './timer';
export { formatIsoDuration, parseIsoDuration, type IsoDuration } from './iso-duration';
export { parseIsoDateTime } from './iso-date';
