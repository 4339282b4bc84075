import { Injectable } from '@nestjs/common';
import type { CreateProxy, Proxy, ProxyList, Role, SessionUser } from '@liuzhuan/contracts';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { type AuditContext, AuditTrail } from '../audit/audit.api';
import { newId } from '../../platform/ids/ids';
import { OrgRepository, UserEntity, UserRepository } from '../org/org.api';
import { TaskProxyEntity } from './proxy.entity';
import { ProxyRepository } from './proxy.repository';
import { ProxyErrors } from './proxies.errors';

/** The roles a deputy must share with the principal: the ones tasks are given by (a leader's by a leader). */
const TASK_ROLES: readonly Role[] = ['leader', 'clerk'];

/**
 * 代理 (docs/security.md): the principal names their own deputy; only the security admin names
 * one for somebody else, with a reason, and never themselves. The deputy is an enabled user of
 * the principal's organization or of one above it, holding the principal's task roles.
 */
@Injectable()
export class ProxiesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly proxies: ProxyRepository,
    private readonly users: UserRepository,
    private readonly orgs: OrgRepository,
    private readonly trail: AuditTrail,
  ) {}

  create(input: CreateProxy, user: SessionUser, audit: AuditContext): Promise<Proxy> {
    const principal = input.principal ?? user.username;
    const { deputy, from: validFrom, to: validTo } = input;
    const event = {
      type: 'proxy.set',
      targetType: 'user',
      targetId: principal,
      details: { principal, deputy, from: validFrom, to: validTo },
    } as const;
    return this.trail.failureRecorded(audit, event, () =>
      this.tx.run(async (tx) => {
        const forOther = principal !== user.username;
        const reason = input.reason?.trim() || null;
        if (forOther) {
          if (!user.roles.includes('security_admin')) throw ProxyErrors.forOthers();
          if (!reason) throw ProxyErrors.reasonRequired();
          if (input.deputy === user.username) throw ProxyErrors.selfAppointment();
        }
        const from = new Date(input.from);
        const to = new Date(input.to);
        if (!(from < to) || input.deputy === principal) throw ProxyErrors.invalidWindow();
        const [p, d] = [await this.requireUser(principal, tx.manager), await this.requireUser(input.deputy, tx.manager)];
        await this.assertEligible(p, d, tx.manager);
        const row = Object.assign(new TaskProxyEntity(), {
          id: newId(),
          principal,
          deputy: input.deputy,
          validFrom: from,
          validTo: to,
          definitionKeys: input.definitionKeys?.length ? JSON.stringify(input.definitionKeys) : null,
          createdBy: user.username,
          createdAt: new Date(),
          reason: forOther ? reason : null,
          revokedAt: null,
        });
        await this.proxies.insert(row, tx.manager);
        const proxy = toProxy(row);
        this.trail.record(tx, audit, {
          ...event,
          details: {
            id: proxy.id,
            principal,
            deputy,
            from: proxy.from,
            to: proxy.to,
            definitionKeys: proxy.definitionKeys,
            reason: proxy.reason,
          },
        });
        return proxy;
      }),
    );
  }

  /** The proxies not ended yet that the user set or acts in. */
  async mine(user: SessionUser): Promise<ProxyList> {
    return { items: (await this.proxies.currentOf(user.username, new Date())).map(toProxy) };
  }

  /** Ends every proxy the caller set as principal; tasks already with a deputy stay there. */
  async endMine(user: SessionUser, audit: AuditContext): Promise<void> {
    await this.tx.run(async (tx) => {
      const ended = await this.proxies.endAllOf(user.username, new Date(), tx.manager);
      if (!ended.length) throw ProxyErrors.notFound();
      const proxies = ended.map((p) => ({ id: p.id, deputy: p.deputy, from: p.validFrom.toISOString(), to: p.validTo.toISOString() }));
      this.trail.record(tx, audit, {
        type: 'proxy.clear',
        targetType: 'user',
        targetId: user.username,
        details: { principal: user.username, proxies },
      });
    });
  }

  /** An existing, enabled user: an unknown or disabled one is a 422 and nothing changes. */
  private async requireUser(username: string, m: EntityManager): Promise<UserEntity> {
    const u = await this.users.findByUsername(username, m);
    if (!u || !u.enabled) throw ProxyErrors.userUnknown(username);
    return u;
  }

  /** The deputy works in the principal's organization or one above it, and holds the principal's task roles. */
  private async assertEligible(principal: UserEntity, deputy: UserEntity, m: EntityManager): Promise<void> {
    const chain = new Set<string>();
    for (let id: string | null = principal.orgId; id && !chain.has(id); ) {
      chain.add(id);
      id = (await this.orgs.findById(id, m))?.parentId ?? null;
    }
    if (!chain.has(deputy.orgId)) throw ProxyErrors.deputyOutsideOrg(deputy.username);
    const roles = await this.users.rolesOf([principal.id, deputy.id], m);
    const held = roles.get(deputy.id) ?? [];
    const missing = (roles.get(principal.id) ?? []).filter((r) => TASK_ROLES.includes(r) && !held.includes(r));
    if (missing.length) throw ProxyErrors.deputyLacksRole(deputy.username, missing);
  }
}

function toProxy(r: TaskProxyEntity): Proxy {
  return {
    id: r.id,
    principal: r.principal,
    deputy: r.deputy,
    from: r.validFrom.toISOString(),
    to: r.validTo.toISOString(),
    definitionKeys: r.definitionKeys ? (JSON.parse(r.definitionKeys) as string[]) : null,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    reason: r.reason ?? null,
  };
}
