import type { ExecutableProcess } from './process.model';
import { MODEL_VERSION } from './process.model';

/** The compiled model as JSON text, for caching or storing per definition version. */
export function serializeProcess(process: ExecutableProcess): string {
  return JSON.stringify(process);
}

/** Reads a serialised model; throws when it was written by an incompatible engine version. */
export function deserializeProcess(json: string): ExecutableProcess {
  const process = JSON.parse(json) as ExecutableProcess;
  if (process.modelVersion !== MODEL_VERSION) {
    throw new Error(`Compiled model version ${process.modelVersion} is not ${MODEL_VERSION}; recompile the definition.`);
  }
  return process;
}

export interface StartTrigger {
  readonly startEventId: string;
  readonly kind: 'none' | 'timer' | 'message' | 'signal' | 'conditional';
  readonly name?: string;
  /** Timer start events: the timer text, for the server to schedule at deploy time. */
  readonly timer?: { readonly source: string; readonly text: string };
}

/**
 * The process-level start events, so the server can subscribe message/signal starts and
 * schedule timer starts when a version is deployed.
 */
export function startTriggers(process: ExecutableProcess): StartTrigger[] {
  const scope = process.scopes[process.id];
  const ids = [...scope.starts.filter((id) => process.nodes[id].type === 'startEvent'), ...scope.triggeredStarts];
  return ids.map((id) => {
    const t = process.nodes[id].trigger;
    const kind = (t?.kind ?? 'none') as StartTrigger['kind'];
    return {
      startEventId: id,
      kind,
      ...(t?.name !== undefined ? { name: t.name } : {}),
      ...(t?.timer ? { timer: { source: t.timer.source, text: t.timer.text } } : {}),
    };
  });
}
