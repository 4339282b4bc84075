import { Injectable } from '@nestjs/common';
import type { CreateProxy, Proxy, ProxyList, SessionUser } from '@liuzhuan/contracts';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { newId } from '../../platform/ids/ids';
import { UserRepository } from '../org/org.api';
import { TaskProxyEntity } from './proxy.entity';
import { ProxyRepository } from './proxy.repository';
import { ProxyErrors } from './proxies.errors';

/** 代理: the principal (or a system admin for them) names a deputy for a time window. */
@Injectable()
export class ProxiesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly proxies: ProxyRepository,
    private readonly users: UserRepository,
  ) {}

  create(input: CreateProxy, user: SessionUser): Promise<Proxy> {
    return this.tx.run(async (tx) => {
      const principal = input.principal ?? user.username;
      if (principal !== user.username && !user.roles.includes('system_admin')) throw ProxyErrors.forOthers();
      const from = new Date(input.from);
      const to = new Date(input.to);
      if (!(from < to) || input.deputy === principal) throw ProxyErrors.invalidWindow();
      await this.requireUsers([principal, input.deputy], tx.manager);
      const row = Object.assign(new TaskProxyEntity(), {
        id: newId(),
        principal,
        deputy: input.deputy,
        validFrom: from,
        validTo: to,
        definitionKeys: input.definitionKeys?.length ? JSON.stringify(input.definitionKeys) : null,
        createdBy: user.username,
        createdAt: new Date(),
        revokedAt: null,
      });
      await this.proxies.insert(row, tx.manager);
      return toProxy(row);
    });
  }

  /** The proxies not ended yet that the user set or acts in. */
  async mine(user: SessionUser): Promise<ProxyList> {
    return { items: (await this.proxies.currentOf(user.username, new Date())).map(toProxy) };
  }

  /** Ends every proxy the caller set as principal; tasks already with a deputy stay there. */
  async endMine(user: SessionUser): Promise<void> {
    if (!(await this.proxies.endAllOf(user.username, new Date()))) throw ProxyErrors.notFound();
  }

  /** The principal and the deputy exist and are enabled: an unknown one is a 422 and nothing changes. */
  private async requireUsers(usernames: string[], m: EntityManager): Promise<void> {
    for (const username of usernames) {
      const u = await this.users.findByUsername(username, m);
      if (!u || !u.enabled) throw ProxyErrors.userUnknown(username);
    }
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
  };
}
