// A state under change. The containers and element instances it shares with the state it was
// made from are copied the first time a reducer writes to them (copy-on-write), so a command
// pays for what it changes rather than for a copy of the whole state. Reducers write only
// through these accessors; everything else reads `state`.
import {
  initialState,
  type ElementInstance,
  type InstanceState,
  type Subscription,
  type Incident,
  type WithdrawRecord,
} from './instance-state';

// The id-keyed maps (instances, joins, subscriptions, jobs, incidents) get keys never seen
// before, one per element instance. A plain object would get a new hidden class with each such
// key and fall back to a slow hash table at the first delete; an object without a prototype is
// a hash table from the start, which V8 inserts into, deletes from and copies cheaply. JSON and
// readers see no difference (and a "__proto__" key is just a key).
function dictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function copyOf<T>(source: Readonly<Record<string, T>>): Record<string, T> {
  const copy = dictionary<T>();
  for (const key in source) copy[key] = source[key];
  return copy;
}

export class StateDraft {
  private ownVariables: boolean;
  private ownInstances: boolean;
  private ownJoins: boolean;
  private ownSubs: boolean;
  private ownJobs: boolean;
  private ownIncidents: boolean;
  private ownVisited: boolean;
  private ownWithdrawals: boolean;
  // Element instances and join arrival lists already copied (or created) by this draft.
  private readonly ownInstance = new Set<string>();
  private readonly ownArrivals = new Set<string>();

  private constructor(
    readonly state: InstanceState,
    owned: boolean,
  ) {
    this.ownVariables = owned;
    this.ownInstances = owned;
    this.ownJoins = owned;
    this.ownSubs = owned;
    this.ownJobs = owned;
    this.ownIncidents = owned;
    this.ownVisited = owned;
    this.ownWithdrawals = owned;
  }

  /** A draft over a state that stays untouched: only the top level is copied up front. */
  static from(base: Readonly<InstanceState>): StateDraft {
    return new StateDraft({ ...base }, false);
  }

  /** A draft over a new initial state, which it owns entirely. */
  static fresh(): StateDraft {
    const state = initialState();
    state.instances = dictionary();
    state.joins = dictionary();
    state.subs = dictionary();
    state.jobs = dictionary();
    state.incidents = dictionary();
    return new StateDraft(state, true);
  }

  variables(): Record<string, unknown> {
    if (!this.ownVariables) {
      this.state.variables = { ...this.state.variables };
      this.ownVariables = true;
    }
    return this.state.variables;
  }

  /** Replaces the process variables with an object the caller hands over to the draft. */
  setVariables(variables: Record<string, unknown>): void {
    this.state.variables = variables;
    this.ownVariables = true;
  }

  private instances(): Record<string, ElementInstance> {
    if (!this.ownInstances) {
      this.state.instances = copyOf(this.state.instances);
      this.ownInstances = true;
    }
    return this.state.instances;
  }

  /** A writable element instance (its multi-instance counters included), or undefined. */
  instance(id: string): ElementInstance | undefined {
    const current = this.state.instances[id];
    if (!current || this.ownInstance.has(id)) return current;
    const copy = { ...current };
    if (current.mi) copy.mi = { ...current.mi };
    this.instances()[id] = copy;
    this.ownInstance.add(id);
    return copy;
  }

  /** Adds an element instance the caller hands over to the draft. */
  addInstance(id: string, inst: ElementInstance): void {
    this.instances()[id] = inst;
    this.ownInstance.add(id);
  }

  removeInstance(id: string): void {
    delete this.instances()[id];
    this.ownInstance.delete(id);
  }

  /** Removes every element instance, join, subscription and job (the instance ended). */
  clearRuntime(): void {
    this.state.instances = dictionary();
    this.state.joins = dictionary();
    this.state.subs = dictionary();
    this.state.jobs = dictionary();
    delete this.state.wd;
    this.ownInstances = this.ownJoins = this.ownSubs = this.ownJobs = true;
    this.ownInstance.clear();
    this.ownArrivals.clear();
  }

  private joins(): Record<string, string[]> {
    if (!this.ownJoins) {
      this.state.joins = copyOf(this.state.joins);
      this.ownJoins = true;
    }
    return this.state.joins;
  }

  /** The writable arrival list of a join, created empty when missing. */
  arrivals(key: string): string[] {
    const current = this.state.joins[key];
    if (current && this.ownArrivals.has(key)) return current;
    const copy = current ? current.slice() : [];
    this.joins()[key] = copy;
    this.ownArrivals.add(key);
    return copy;
  }

  removeJoin(key: string): void {
    delete this.joins()[key];
    this.ownArrivals.delete(key);
  }

  subs(): Record<string, Subscription> {
    if (!this.ownSubs) {
      this.state.subs = copyOf(this.state.subs);
      this.ownSubs = true;
    }
    return this.state.subs;
  }

  jobs(): Record<string, string> {
    if (!this.ownJobs) {
      this.state.jobs = copyOf(this.state.jobs);
      this.ownJobs = true;
    }
    return this.state.jobs;
  }

  incidents(): Record<string, Incident> {
    if (!this.ownIncidents) {
      this.state.incidents = copyOf(this.state.incidents);
      this.ownIncidents = true;
    }
    return this.state.incidents;
  }

  /** Adds or replaces a withdraw record (handed over to the draft). */
  setWithdrawal(id: string, record: WithdrawRecord): void {
    this.withdrawals()[id] = record;
  }

  /** Removes withdraw records; the map disappears with its last record. */
  removeWithdrawals(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const map = this.withdrawals();
    for (const id of ids) delete map[id];
    if (Object.keys(map).length === 0) delete this.state.wd;
  }

  private withdrawals(): Record<string, WithdrawRecord> {
    if (!this.ownWithdrawals || !this.state.wd) {
      this.state.wd = this.state.wd ? copyOf(this.state.wd) : dictionary();
      this.ownWithdrawals = true;
    }
    return this.state.wd;
  }

  visited(): string[] {
    if (!this.ownVisited) {
      this.state.visited = this.state.visited.slice();
      this.ownVisited = true;
    }
    return this.state.visited;
  }
}
