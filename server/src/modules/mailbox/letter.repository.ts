import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull, MoreThan } from 'typeorm';
import type { Tx } from '../../platform/database/transaction-runner';
import { InstanceEntity, TaskEntity } from '../runtime/runtime.api';
import { LetterEntity, LetterExtensionEntity } from './letter.entity';

@Injectable()
export class LetterRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(letter: LetterEntity, m: EntityManager): Promise<void> {
    await m.insert(LetterEntity, letter);
  }

  findById(id: string, m: EntityManager = this.dataSource.manager): Promise<LetterEntity | null> {
    return m.findOneBy(LetterEntity, { id });
  }

  findByCodeDigest(digest: string): Promise<LetterEntity | null> {
    return this.dataSource.manager.findOneBy(LetterEntity, { queryCodeDigest: digest });
  }

  /**
   * Takes the address's intake lock for the rest of the unit: the row of `letter_intake`, written
   * (so locked FOR UPDATE-wise on MySQL) by an upsert. Concurrent letters from one address then
   * count and insert one after another, so the limit holds under parallel requests; on SQLite the
   * runner serializes write units already, and the upsert is the same statement.
   */
  async lockIntake(ipDigest: string, now: Date, tx: Tx): Promise<void> {
    const sql =
      tx.dialect === 'mysql'
        ? 'INSERT INTO letter_intake (ip_digest, last_at) VALUES (?, ?) ON DUPLICATE KEY UPDATE last_at = VALUES(last_at)'
        : 'INSERT INTO letter_intake (ip_digest, last_at) VALUES (?, ?) ON CONFLICT (ip_digest) DO UPDATE SET last_at = excluded.last_at';
    await tx.manager.query(sql, [ipDigest, tx.dialect === 'mysql' ? now : now.toISOString().replace('T', ' ').replace('Z', '')]);
  }

  /** Letters written from one address since a moment (the per-IP limit), counted inside the unit after {@link lockIntake}. */
  countFromSince(ipDigest: string, since: Date, m: EntityManager): Promise<number> {
    return m.countBy(LetterEntity, { ipDigest, createdAt: MoreThan(since) });
  }

  /** Letters whose phone or 身份证 number is still clear text (rows written before SM4), a batch at a time. */
  unsealed(limit: number): Promise<LetterEntity[]> {
    return this.dataSource.manager.find(LetterEntity, { where: { phoneIndex: IsNull() }, order: { id: 'ASC' }, take: limit });
  }

  /** Seals one clear row; a row another process sealed meanwhile is left alone. */
  async seal(
    id: string,
    patch: Pick<LetterEntity, 'phoneCipher' | 'phoneIndex' | 'idNumberCipher' | 'idNumberIndex'>,
    m: EntityManager,
  ): Promise<boolean> {
    const r = await m.update(LetterEntity, { id, phoneIndex: IsNull() }, patch);
    return r.affected === 1;
  }

  /** Of these instances, the ones where the user is the assignee of an open task (who may see personal data in clear). */
  async assignedOpen(instanceIds: string[], username: string, m: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (!instanceIds.length) return new Set();
    const rows = await m.find(TaskEntity, {
      select: { instanceId: true },
      where: { instanceId: In(instanceIds), assignee: username, status: 'open' },
    });
    return new Set(rows.map((r) => r.instanceId));
  }

  async update(id: string, patch: Partial<LetterEntity>, m: EntityManager): Promise<void> {
    await m.update(LetterEntity, { id }, patch);
  }

  newestFirst(limit: number): Promise<LetterEntity[]> {
    return this.dataSource.manager.find(LetterEntity, { order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  async addExtension(extension: LetterExtensionEntity, m: EntityManager): Promise<void> {
    await m.insert(LetterExtensionEntity, extension);
  }

  extensionsOf(letterId: string, m: EntityManager = this.dataSource.manager): Promise<LetterExtensionEntity[]> {
    return m.find(LetterExtensionEntity, { where: { letterId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  // The letter's steps are task rows of the runtime's projection; the mailbox reads them and moves
  // a deadline (延期), always inside the command transaction that holds the instance lock.

  /** The tasks of the letter's process at one step, newest first. */
  tasksAt(instanceId: string, elementId: string, m: EntityManager = this.dataSource.manager): Promise<TaskEntity[]> {
    return m.find(TaskEntity, { where: { instanceId, elementId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** The letters' process instances (to decide who may read which letter). */
  instancesOf(ids: string[]): Promise<InstanceEntity[]> {
    return ids.length ? this.dataSource.manager.findBy(InstanceEntity, { id: In(ids) }) : Promise.resolve([]);
  }

  async setTaskDue(taskId: string, dueAt: Date, m: EntityManager): Promise<void> {
    await m.update(TaskEntity, { id: taskId, status: 'open' }, { dueAt });
  }
}
