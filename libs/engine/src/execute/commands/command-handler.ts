import type { EngineCommand, EngineCommandType, Rejection } from '../engine-api.types';
import type { RejectionCode } from '../engine.errors';
import type { ExecutionContext } from '../execution-context';

// A command handler validates against the state and starts the work; null means accepted.
export type CommandHandler<T extends EngineCommandType> = (
  ctx: ExecutionContext,
  command: Extract<EngineCommand, { type: T }>,
) => Rejection | null;

export function reject(code: RejectionCode, message: string): Rejection {
  return { code, message };
}

export function requireActive(ctx: ExecutionContext): Rejection | null {
  if (ctx.state.status === 'none') return reject('INSTANCE_NOT_STARTED', 'The instance has not been started.');
  if (ctx.state.status !== 'active') return reject('INSTANCE_NOT_ACTIVE', `The instance is ${ctx.state.status}.`);
  return null;
}

// Ids in commands come from outside: look them up as own keys only, so that "__proto__" or
// "constructor" finds nothing instead of Object.prototype.
export function own<T>(record: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
