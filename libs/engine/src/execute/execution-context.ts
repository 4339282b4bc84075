// The per-command execution context: the draft state (read-only to processors), the event and
// effect buffers, and the follow-up queue that runs until every token rests in a wait state.
import type { ExecutableProcess, FlowNode } from '../model/process.model';
import type { EngineEvent } from '../state/engine-event';
import type { InstanceState } from '../state/instance-state';
import { applyToDraft } from '../state/reducers';
import type { StateDraft } from '../state/state-draft';
import type { EngineEffect, EngineEnv } from './engine-api.types';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewEvent = DistributiveOmit<EngineEvent, 'at'>;

export type Step =
  | {
      readonly k: 'activate';
      readonly elementId: string;
      readonly scopeInstanceId: string;
      // Local variables of the new instance (multi-instance inner instances).
      readonly vars?: Record<string, unknown>;
      readonly inner?: true;
      readonly ret?: string;
      // Catch events entered because their trigger already happened (event-based gateway, boundary, start).
      readonly triggered?: true;
      // 撤回: the reopened task gets an id chosen beforehand and names the completion it replaces.
      readonly id?: string;
      readonly withdrawnFrom?: string;
    }
  | { readonly k: 'complete'; readonly elementInstanceId: string };

export class ExecutionContext {
  readonly events: EngineEvent[] = [];
  readonly effects: EngineEffect[] = [];
  readonly at: string;
  private readonly queue: Step[] = [];
  private head = 0;
  // Set when variables change, so conditional events are re-evaluated at quiescence.
  variablesChanged = false;
  // Instances already triggered in this step (an instance is entered triggered at most once).
  readonly triggered = new Set<string>();
  // Element instances per scope instance, counted on first use and then kept up to date from the
  // events, so that nrOfActiveInstances and scope completion do not scan every instance each time.
  private children: Map<string, number> | null = null;

  constructor(
    readonly process: ExecutableProcess,
    private readonly draft: StateDraft,
    readonly env: EngineEnv,
  ) {
    this.at = env.now();
  }

  get state(): Readonly<InstanceState> {
    return this.draft.state;
  }

  // Records a fact: the reducer applies it to the draft and it joins the history.
  emit(event: NewEvent): void {
    // Processors build a fresh object literal per event, so stamping it in place is safe and
    // spares a copy on the hot path.
    const full = event as EngineEvent & { at: string };
    full.at = this.at;
    if (this.children) this.countChildren(full);
    applyToDraft(this.draft, full);
    this.events.push(full);
    if (full.type === 'variables.updated') this.variablesChanged = true;
  }

  /** How many element instances the scope instance contains right now. */
  childCount(scopeInstanceId: string): number {
    const known = this.children?.get(scopeInstanceId);
    if (known !== undefined) return known;
    let count = 0;
    const { instances } = this.draft.state;
    for (const id in instances) if (instances[id].sc === scopeInstanceId) count++;
    (this.children ??= new Map()).set(scopeInstanceId, count);
    return count;
  }

  // Keeps the counts of the scopes asked about so far in step with what the reducers are about
  // to do to the set of element instances.
  private countChildren(event: EngineEvent): void {
    const children = this.children!;
    switch (event.type) {
      case 'element.activated': {
        // an id is never reused, but the reducer would replace the instance if it were
        const previous = this.draft.state.instances[event.elementInstanceId]?.sc;
        if (previous !== undefined && previous !== null) adjust(children, previous, -1);
        if (event.scopeInstanceId !== null) adjust(children, event.scopeInstanceId, 1);
        return;
      }
      case 'element.completed':
      case 'element.terminated': {
        const sc = this.draft.state.instances[event.elementInstanceId]?.sc;
        if (sc !== undefined && sc !== null) adjust(children, sc, -1);
        return;
      }
      case 'process.started':
      case 'process.completed':
      case 'process.terminated':
        this.children = null;
        return;
      default:
        return;
    }
  }

  effect(effect: EngineEffect): void {
    this.effects.push(effect);
  }

  enqueue(step: Step): void {
    this.queue.push(step);
  }

  next(): Step | undefined {
    if (this.head >= this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
      return undefined;
    }
    return this.queue[this.head++];
  }

  hasPending(): boolean {
    return this.head < this.queue.length;
  }

  node(elementId: string): FlowNode {
    return this.process.nodes[elementId];
  }

  newId(): string {
    return this.env.newId();
  }

  get active(): boolean {
    return this.draft.state.status === 'active';
  }
}

function adjust(counts: Map<string, number>, scopeInstanceId: string, by: number): void {
  const count = counts.get(scopeInstanceId);
  if (count !== undefined) counts.set(scopeInstanceId, count + by);
}
