// Business failures (an expression that cannot be evaluated, a job out of retries) become
// incidents on the element instance; the token stays where it is until an admin resolves it.
import type { ExecutionContext } from '../execution-context';

export function raiseIncident(
  ctx: ExecutionContext,
  elementInstanceId: string,
  code: string,
  message: string,
  retry: 'activate' | 'complete' | 'job',
): void {
  const inst = ctx.state.instances[elementInstanceId];
  ctx.emit({
    type: 'incident.raised',
    incidentId: ctx.newId(),
    elementId: inst?.el ?? '',
    elementInstanceId,
    code,
    message,
    retry,
  });
}
