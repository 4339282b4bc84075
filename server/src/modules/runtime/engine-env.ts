import { Inject, Injectable } from '@nestjs/common';
import { createExpressionEvaluator, type EngineEnv, type ExpressionEvaluator } from '@liuzhuan/engine';
import { performance } from 'node:perf_hooks';
import { newId } from '../../platform/ids/ids';
import { WORKDAY_CALENDAR, type WorkdayCalendar } from '../calendar/calendar.api';

/**
 * The engine's environment for one command: one clock reading per command (every event of a
 * command carries the same time), time-ordered ids that are unique across instances (element
 * instance ids become task ids), the shared expression evaluator and the working-day calendar.
 */
@Injectable()
export class EngineEnvFactory {
  private readonly expressions: ExpressionEvaluator = createExpressionEvaluator({ now: () => performance.now() });

  constructor(@Inject(WORKDAY_CALENDAR) private readonly calendar: WorkdayCalendar) {}

  create(): EngineEnv {
    const now = new Date().toISOString();
    return { now: () => now, newId: () => newId(), expressions: this.expressions, calendar: this.calendar };
  }
}
