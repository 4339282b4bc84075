import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { definitionLabels } from '../definitions/definitions.api';
import { documentLabels } from '../documents/documents.api';
import { apiKeyLabels } from '../jobs/jobs.api';
import { orgLabels, userLabels } from '../org/org.api';
import { instanceLabels, taskLabels } from '../runtime/runtime.api';

/** Who and what an event names, as the auditor reads them (`actorName`, `targetName`). */
export interface AuditNamed {
  actorName: string;
  targetName: string | null;
}

/** What a row must say for {@link AuditNames.of}. */
export interface AuditNameable {
  actor: string;
  targetType: string | null;
  targetId: string | null;
}

type Lookup = (ds: DataSource, ids: string[]) => Promise<Map<string, string>>;

const API_KEY_ACTOR = 'apikey:';

/** `张三（zhangsan）`. */
export const userLabel = (u: { username: string; displayName: string }) => `${u.displayName}（${u.username}）`;

/** The target types named from another module's rows, each in one statement for a whole page. */
const LOOKUPS: Record<string, Lookup> = {
  user: async (ds, ids) => new Map([...(await userLabels(ds.manager, ids))].map(([key, u]) => [key, userLabel(u)])),
  org: (ds, ids) => orgLabels(ds.manager, ids),
  document: (ds, ids) => documentLabels(ds.manager, ids),
  definition: (ds, ids) => definitionLabels(ds.manager, ids),
  instance: (ds, ids) => instanceLabels(ds.manager, ids),
  task: (ds, ids) => taskLabels(ds.manager, ids),
  apikey: (ds, ids) => apiKeyLabels(ds.manager, ids),
};

/**
 * Names the actors and targets of a page of audit events, through the owning modules' look-ups:
 * one statement per target type per page (and one for the actors' users, one for their API keys),
 * never one per row. A thing deleted or unknown since is named by its id; a failed look-up names
 * everything by its id — the auditor's answer never fails for want of a name.
 */
@Injectable()
export class AuditNames {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async of<R extends AuditNameable>(rows: readonly R[]): Promise<AuditNamed[]> {
    const wanted = new Map<string, Set<string>>();
    const want = (type: string, id: string) => (wanted.get(type) ?? wanted.set(type, new Set()).get(type)!).add(id);
    for (const r of rows) {
      if (r.actor.startsWith(API_KEY_ACTOR)) want('apikey', r.actor.slice(API_KEY_ACTOR.length));
      else if (r.actor !== 'system' && r.actor !== 'anonymous') want('actor', r.actor);
      if (r.targetType && r.targetId && LOOKUPS[r.targetType]) want(r.targetType, r.targetId);
    }
    const found = new Map<string, Map<string, string>>();
    await Promise.all(
      [...wanted].map(async ([type, ids]) => {
        try {
          if (type === 'actor') {
            const users = await userLabels(this.ds.manager, [...ids]);
            found.set(type, new Map([...users].map(([key, u]) => [key, u.displayName])));
          } else found.set(type, await LOOKUPS[type](this.ds, [...ids]));
        } catch {
          // a look-up that fails names by id; the events are still answered
        }
      }),
    );
    const name = (type: string, id: string) => found.get(type)?.get(id);
    return rows.map((r) => ({
      actorName: actorName(r.actor, name),
      targetName: r.targetId === null ? null : ((r.targetType ? name(r.targetType, r.targetId) : undefined) ?? r.targetId),
    }));
  }
}

function actorName(actor: string, name: (type: string, id: string) => string | undefined): string {
  if (actor === 'system') return '系统';
  if (actor === 'anonymous') return '匿名';
  if (actor.startsWith(API_KEY_ACTOR)) {
    const key = name('apikey', actor.slice(API_KEY_ACTOR.length));
    return key ?? actor;
  }
  return name('actor', actor) ?? actor;
}
