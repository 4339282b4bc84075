// A conformance run drives one corpus file and returns a one-line summary for CONFORMANCE.md.
import type { Scenario } from '../support/scenario';

export type Loader = (file: string, processId?: string) => Promise<Scenario>;
export type Run = (load: Loader, file: string) => Promise<string>;
