import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { CcCopyEntity } from '../runtime/runtime.api';
import { OpinionEntity } from './opinion.entity';
import { PhraseEntity } from './phrase.entity';
import { UrgeEntity } from './urge.entity';

/** Which copies (抄送) a list shows: of one instance, to one recipient, read or not. */
export interface CcFilter {
  instanceId?: string;
  recipient?: string;
  read?: boolean;
}

/** The rows of the approval operations: opinions, 催办 urges, 抄送 copies and 常用语 phrases (代理: the proxies module). */
@Injectable()
export class ApprovalsRepository {
  constructor(
    @InjectRepository(OpinionEntity) private readonly opinions: Repository<OpinionEntity>,
    @InjectRepository(CcCopyEntity) private readonly copies: Repository<CcCopyEntity>,
    @InjectRepository(PhraseEntity) private readonly phrases: Repository<PhraseEntity>,
  ) {}

  async insertOpinion(row: OpinionEntity, m: EntityManager): Promise<void> {
    await m.insert(OpinionEntity, row);
  }

  /** The opinions of an instance, oldest first. */
  opinionsOf(instanceId: string): Promise<OpinionEntity[]> {
    return this.opinions.find({ where: { instanceId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async insertUrge(row: UrgeEntity, m: EntityManager): Promise<void> {
    await m.insert(UrgeEntity, row);
  }

  async insertCopies(rows: CcCopyEntity[], m: EntityManager): Promise<void> {
    await m.insert(CcCopyEntity, rows);
  }

  /** Copies, newest first, at most 200, and how many match. */
  async copiesWhere(filter: CcFilter): Promise<[CcCopyEntity[], number]> {
    const qb = this.copies.createQueryBuilder('c');
    if (filter.instanceId) qb.andWhere('c.instance_id = :instanceId', { instanceId: filter.instanceId });
    if (filter.recipient) qb.andWhere('c.recipient = :me', { me: filter.recipient });
    if (filter.read === false) qb.andWhere('c.read_at IS NULL');
    if (filter.read === true) qb.andWhere('c.read_at IS NOT NULL');
    return qb.orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'DESC').take(200).getManyAndCount();
  }

  copyById(id: string): Promise<CcCopyEntity | null> {
    return this.copies.findOneBy({ id });
  }

  /** The read receipt: only the first read sets the time. */
  async markCopyRead(id: string, at: Date): Promise<void> {
    await this.copies.createQueryBuilder().update().set({ readAt: at }).where('id = :id AND read_at IS NULL', { id }).execute();
  }

  /** The user's own phrases and the organization's, oldest first. */
  phrasesFor(username: string): Promise<PhraseEntity[]> {
    return this.phrases.find({
      where: [{ owner: username, scope: 'personal' }, { scope: 'organization' }],
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async insertPhrase(row: PhraseEntity): Promise<void> {
    await this.phrases.insert(row);
  }

  phraseById(id: string): Promise<PhraseEntity | null> {
    return this.phrases.findOneBy({ id });
  }

  async deletePhrase(id: string): Promise<void> {
    await this.phrases.delete({ id });
  }
}
