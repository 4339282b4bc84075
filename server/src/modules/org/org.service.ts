import { Injectable } from '@nestjs/common';
import type { CreateOrg, Org, UpdateOrg } from '@liuzhuan/contracts';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { type AuditContext, AuditTrail } from '../audit/audit.api';
import { OrgErrors } from './org.errors';
import { newId } from '../../platform/ids/ids';
import { OrgEntity } from './org.entity';
import { OrgRepository } from './org.repository';
import { UserChanges } from './user-changes';

export function toOrg(e: OrgEntity): Org {
  return { id: e.id, parentId: e.parentId, code: e.code, name: e.name, shortName: e.shortName, kind: e.kind, sortOrder: e.sortOrder };
}

/** The organization tree: 市人民政府 → its office and departments; county governments → theirs. */
@Injectable()
export class OrgService {
  constructor(
    private readonly orgs: OrgRepository,
    private readonly tx: TransactionRunner,
    private readonly changes: UserChanges,
    private readonly trail: AuditTrail,
  ) {}

  async list(): Promise<Org[]> {
    return (await this.orgs.list()).map(toOrg);
  }

  async get(id: string): Promise<Org> {
    const org = await this.orgs.findById(id);
    if (!org) throw OrgErrors.orgNotFound(id);
    return toOrg(org);
  }

  async create(input: CreateOrg, audit: AuditContext): Promise<Org> {
    const event = { type: 'org.create', targetType: 'org', details: { ...input } } as const;
    return this.trail.failureRecorded(audit, event, () =>
      this.tx.run(async (tx) => {
        const m = tx.manager;
        if (input.parentId && !(await this.orgs.findById(input.parentId, m))) {
          throw OrgErrors.parentNotFound(input.parentId);
        }
        if (await this.orgs.findByCode(input.code, m)) throw OrgErrors.codeTaken(input.code);
        const now = new Date();
        const org = Object.assign(new OrgEntity(), {
          id: newId(),
          parentId: input.parentId,
          code: input.code,
          name: input.name,
          shortName: input.shortName ?? null,
          kind: input.kind,
          sortOrder: input.sortOrder ?? 0,
          createdAt: now,
          updatedAt: now,
        });
        await this.orgs.insert(org, m);
        this.trail.record(tx, audit, { ...event, targetId: org.id, details: toOrg(org) });
        return toOrg(org);
      }),
    );
  }

  async update(id: string, patch: UpdateOrg, audit: AuditContext): Promise<Org> {
    const event = { type: 'org.update', targetType: 'org', targetId: id, details: { ...patch } } as const;
    const updated = await this.trail.failureRecorded(audit, event, () =>
      this.tx.run(async (tx) => {
        const m = tx.manager;
        const org = await this.orgs.findById(id, m);
        if (!org) throw OrgErrors.orgNotFound(id);
        if (patch.parentId !== undefined && patch.parentId !== null) await this.assertNoCycle(id, patch.parentId, m);
        const changes: Partial<OrgEntity> = { updatedAt: new Date() };
        if (patch.parentId !== undefined) changes.parentId = patch.parentId;
        if (patch.name !== undefined) changes.name = patch.name;
        if (patch.shortName !== undefined) changes.shortName = patch.shortName;
        if (patch.kind !== undefined) changes.kind = patch.kind;
        if (patch.sortOrder !== undefined) changes.sortOrder = patch.sortOrder;
        await this.orgs.update(id, changes, m);
        const after = toOrg({ ...org, ...changes } as OrgEntity);
        const before = toOrg(org);
        const changed = (Object.keys(after) as (keyof Org)[]).filter((k) => after[k] !== before[k]);
        const pick = (o: Org) => Object.fromEntries(changed.map((k) => [k, o[k]]));
        this.trail.record(tx, audit, { ...event, details: { code: org.code, before: pick(before), after: pick(after) } });
        return after;
      }),
    );
    // signed-in users show their organization's name
    this.changes.changed(null);
    return updated;
  }

  /** A parent may not be the organization itself or one of its descendants. */
  private async assertNoCycle(id: string, parentId: string, m: Parameters<OrgRepository['findById']>[1]): Promise<void> {
    let cursor: string | null = parentId;
    for (let depth = 0; cursor; depth++) {
      if (cursor === id || depth > 64) throw OrgErrors.parentCycle();
      const parent: OrgEntity | null = await this.orgs.findById(cursor, m);
      if (!parent) throw OrgErrors.parentNotFound(cursor);
      cursor = parent.parentId;
    }
  }
}
