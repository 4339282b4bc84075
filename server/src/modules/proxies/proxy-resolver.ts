import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProxyRepository } from './proxy.repository';

/** What the resolver needs of a new task. */
export interface NewTask {
  id: string;
  assignee: string | null;
  createdAt: Date;
}

/** Whose task a deputy takes (代理). */
export interface ProxyAssignment {
  principal: string;
  deputy: string;
}

/** 代理 on the runtime's hot path: which of the tasks a command creates go to a deputy. */
@Injectable()
export class ProxyResolver {
  constructor(private readonly proxies: ProxyRepository) {}

  /**
   * For each new task with an assignee, the proxy of that assignee in force when the task was
   * created and covering the process (the newest, when several are); one query for all tasks.
   */
  async deputiesFor(tasks: readonly NewTask[], definitionKey: string, m: EntityManager): Promise<Map<string, ProxyAssignment>> {
    const found = new Map<string, ProxyAssignment>();
    const principals = [...new Set(tasks.filter((t) => t.assignee).map((t) => t.assignee as string))];
    if (!principals.length) return found;
    const times = tasks.map((t) => t.createdAt.getTime());
    const [first, last] = [new Date(Math.min(...times)), new Date(Math.max(...times))];
    const rows = await this.proxies.inForce(principals, first, last, m);
    if (!rows.length) return found;
    for (const task of tasks) {
      if (!task.assignee) continue;
      const at = task.createdAt.getTime();
      const proxy = rows.find(
        (p) =>
          p.principal === task.assignee &&
          p.validFrom.getTime() <= at &&
          p.validTo.getTime() > at &&
          (!p.definitionKeys || (JSON.parse(p.definitionKeys) as string[]).includes(definitionKey)),
      );
      if (proxy) found.set(task.id, { principal: proxy.principal, deputy: proxy.deputy });
    }
    return found;
  }
}
