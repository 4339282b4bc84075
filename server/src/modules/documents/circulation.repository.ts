import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Tx } from '../../platform/database/transaction-runner';
import { CirculationEntity, CirculationReaderEntity, DocumentEntity } from './document.entity';

/** 传阅 rows: circulations and their readers. */
@Injectable()
export class CirculationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(row: CirculationEntity, readers: CirculationReaderEntity[], m: EntityManager): Promise<void> {
    await m.insert(CirculationEntity, row);
    await m.insert(CirculationReaderEntity, readers);
  }

  findById(id: string): Promise<CirculationEntity | null> {
    return this.dataSource.manager.findOneBy(CirculationEntity, { id });
  }

  /** The circulation, locked for the change (MySQL; SQLite transactions are serialized), and its readers in order. */
  async lock(id: string, tx: Tx): Promise<{ circulation: CirculationEntity; readers: CirculationReaderEntity[] } | null> {
    const qb = tx.manager.createQueryBuilder(CirculationEntity, 'c').where('c.id = :id', { id });
    if (tx.dialect === 'mysql') qb.setLock('pessimistic_write');
    const circulation = await qb.getOne();
    if (!circulation) return null;
    const readers = await tx.manager.find(CirculationReaderEntity, { where: { circulationId: id }, order: { seq: 'ASC' } });
    return { circulation, readers };
  }

  async updateReader(
    circulationId: string,
    username: string,
    patch: Partial<Pick<CirculationReaderEntity, 'seq' | 'status' | 'readAt' | 'note' | 'skipReason'>>,
    m: EntityManager,
  ): Promise<void> {
    await m.update(CirculationReaderEntity, { circulationId, username }, patch);
  }

  async complete(id: string, m: EntityManager): Promise<void> {
    await m.update(CirculationEntity, { id }, { status: 'completed' });
  }

  ofDocument(documentId: string): Promise<CirculationEntity[]> {
    return this.dataSource.manager.find(CirculationEntity, { where: { documentId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The circulations the user is a reader of, newest first (at most 200). */
  readBy(username: string): Promise<CirculationEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(CirculationEntity, 'c')
      .where('c.id IN (SELECT r.circulation_id FROM circulation_reader r WHERE r.username = :me)', { me: username })
      .orderBy('c.created_at', 'DESC')
      .limit(200)
      .getMany();
  }

  /** The circulations the user started, newest first (at most 200). */
  startedBy(username: string): Promise<CirculationEntity[]> {
    return this.dataSource.manager.find(CirculationEntity, { where: { createdBy: username }, order: { createdAt: 'DESC' }, take: 200 });
  }

  /** The readers of these circulations, in order. */
  readersOf(ids: string[]): Promise<CirculationReaderEntity[]> {
    return this.dataSource.manager.find(CirculationReaderEntity, { where: { circulationId: In(ids) }, order: { seq: 'ASC' } });
  }

  /** The titles of these documents, by id. */
  async documentTitles(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.dataSource.manager.find(DocumentEntity, { select: { id: true, title: true }, where: { id: In(ids) } });
    return new Map(rows.map((d) => [d.id, d.title]));
  }
}
