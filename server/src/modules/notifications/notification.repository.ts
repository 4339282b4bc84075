import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, MoreThan, type Repository } from 'typeorm';
import { Tables } from '../../platform/database/table';
import { WriteBatch } from '../../platform/database/write-batch';
import { NotificationEntity } from './notification.entity';

/** Rows a poll fetches at most; a full batch is followed by another poll at once. */
export const POLL_BATCH = 500;

@Injectable()
export class NotificationRepository {
  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    private readonly tables: Tables,
  ) {}

  /** Complete rows, written as they are (no read-back): one statement per 200, now or in the unit's batch. */
  async insert(rows: NotificationEntity[], into: EntityManager | WriteBatch): Promise<void> {
    // a few hundred rows per statement keeps MySQL's packet and SQLite's variable limits far away
    if (into instanceof WriteBatch) this.tables.of(NotificationEntity).addInserts(into, rows, 200);
    else await this.tables.of(NotificationEntity).insert(into, rows, 200);
  }

  /** Which of these dedupe keys were already used. */
  async existingKeys(keys: string[], m: EntityManager): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows = await m.find(NotificationEntity, { select: { dedupeKey: true }, where: { dedupeKey: In(keys) } });
    return new Set(rows.map((r) => r.dedupeKey as string));
  }

  /** The stream's query for every connected user of this process (one statement per 500 users). */
  async since(recipients: string[], afterId: string): Promise<NotificationEntity[]> {
    const rows: NotificationEntity[] = [];
    for (let i = 0; i < recipients.length; i += 500) {
      rows.push(
        ...(await this.notifications.find({
          where: { recipient: In(recipients.slice(i, i + 500)), id: MoreThan(afterId) },
          order: { id: 'ASC' },
          take: POLL_BATCH,
        })),
      );
    }
    // in id order, and no further than the first chunk's batch could vouch for
    return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, POLL_BATCH);
  }

  async page(
    recipient: string,
    unreadOnly: boolean,
    offset: number,
    limit: number,
  ): Promise<{ items: NotificationEntity[]; total: number }> {
    const [items, total] = await this.notifications.findAndCount({
      where: { recipient, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: offset,
      take: limit,
    });
    return { items, total };
  }

  unreadCount(recipient: string): Promise<number> {
    return this.notifications.countBy({ recipient, readAt: IsNull() });
  }

  findOf(recipient: string, id: string): Promise<NotificationEntity | null> {
    return this.notifications.findOneBy({ id, recipient });
  }

  /** Marks one (or every) unread notification of the recipient read; returns how many changed. */
  async markRead(recipient: string, id: string | null, at: Date): Promise<number> {
    const r = await this.notifications.update({ recipient, readAt: IsNull(), ...(id ? { id } : {}) }, { readAt: at });
    return r.affected ?? 0;
  }

  /** Usernames of the enabled members of these groups (candidate groups of a task). */
  async membersOf(groups: string[], m: EntityManager): Promise<string[]> {
    if (!groups.length) return [];
    const rows: { username: string }[] = await m
      .createQueryBuilder()
      .select('u.username', 'username')
      .from('group_member', 'gm')
      .innerJoin('app_user', 'u', 'u.id = gm.user_id')
      .where('gm.group_code IN (:...groups) AND u.enabled = :enabled', { groups, enabled: true })
      .getRawMany();
    return rows.map((r) => r.username);
  }
}
