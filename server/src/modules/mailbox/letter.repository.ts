import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, MoreThan } from 'typeorm';
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

  /** Letters written from one address since a moment (the per-IP limit of the public intake). */
  countFromSince(ipDigest: string, since: Date): Promise<number> {
    return this.dataSource.manager.countBy(LetterEntity, { ipDigest, createdAt: MoreThan(since) });
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
