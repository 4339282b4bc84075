import { Injectable } from '@nestjs/common';
import type { Circulate, Circulation, CirculationList, ReorderCirculation, SessionUser, SkipReader } from '@liuzhuan/contracts';
import { TransactionRunner, type Tx } from '../../platform/database/transaction-runner';
import { newId } from '../../platform/ids/ids';
import { NotificationsService } from '../notifications/notifications.api';
import { UserRepository } from '../org/org.api';
import { CirculationRepository } from './circulation.repository';
import { DocumentAccess } from './document-access';
import { CirculationEntity, CirculationReaderEntity, DocumentEntity } from './document.entity';
import { DocumentErrors } from './documents.errors';

/**
 * 传阅: a document passed to readers, one after another (sequential: exactly one holder) or to
 * all at once (parallel: everyone who has not read holds it). Every read is a receipt with its
 * time and note; the starter may reorder or skip those who have not read, with a reason. The
 * circulation row is locked for each change so two receipts at once cannot both advance it.
 */
@Injectable()
export class CirculationService {
  constructor(
    private readonly circulations: CirculationRepository,
    private readonly tx: TransactionRunner,
    private readonly access: DocumentAccess,
    private readonly users: UserRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async start(documentId: string, input: Circulate, user: SessionUser): Promise<Circulation> {
    const doc = await this.access.readable(user, documentId);
    const seen = new Set<string>();
    for (const r of input.readers) {
      if (seen.has(r)) throw DocumentErrors.duplicateReader(r);
      seen.add(r);
    }
    const unknown: string[] = [];
    for (const r of input.readers) {
      const u = await this.users.findByUsername(r);
      if (!u || !u.enabled) unknown.push(r);
    }
    if (unknown.length) throw DocumentErrors.readerUnknown(unknown);
    const id = newId();
    await this.tx.run(async (tx) => {
      const row = Object.assign(new CirculationEntity(), {
        id,
        documentId,
        order: input.order,
        status: 'active',
        createdBy: user.username,
        createdAt: new Date(),
      });
      const readers = input.readers.map((username, i) =>
        Object.assign(new CirculationReaderEntity(), {
          circulationId: id,
          username,
          seq: i + 1,
          status: input.order === 'parallel' || i === 0 ? 'holding' : 'pending',
          readAt: null,
          note: null,
          skipReason: null,
        }),
      );
      await this.circulations.insert(row, readers, tx.manager);
      await this.notifyHolders(tx, row, doc, readers, user.username);
    });
    return this.view(id);
  }

  async read(id: string, note: string | undefined, user: SessionUser): Promise<Circulation> {
    await this.change(id, user, async (tx, c, readers, doc) => {
      const me = readers.find((r) => r.username === user.username);
      // someone who is not a reader learns nothing about the circulation
      if (!me) throw DocumentErrors.circulationNotFound(id);
      if (me.status === 'read') throw DocumentErrors.alreadyRead();
      if (c.status !== 'active' || me.status === 'skipped') throw DocumentErrors.circulationClosed();
      if (me.status !== 'holding') throw DocumentErrors.notYourTurn();
      Object.assign(me, { status: 'read', readAt: new Date(), note: note ?? null });
      await this.circulations.updateReader(id, me.username, { status: me.status, readAt: me.readAt, note: me.note }, tx.manager);
      await this.advance(tx, c, readers, doc, user.username);
    });
    return this.view(id);
  }

  async reorder(id: string, input: ReorderCirculation, user: SessionUser): Promise<Circulation> {
    await this.change(id, user, async (tx, c, readers, doc) => {
      this.checkOwner(c, user);
      if (c.order !== 'sequential') throw DocumentErrors.notSequential();
      const open = readers.filter((r) => r.status === 'pending' || r.status === 'holding');
      const wanted = new Set(input.readers);
      if (wanted.size !== input.readers.length || wanted.size !== open.length || open.some((r) => !wanted.has(r.username)))
        throw DocumentErrors.reorderMismatch();
      const base = Math.max(0, ...readers.filter((r) => r.status === 'read' || r.status === 'skipped').map((r) => r.seq));
      const before = open.find((r) => r.status === 'holding')?.username;
      for (const [i, username] of input.readers.entries()) {
        const r = open.find((x) => x.username === username)!;
        r.seq = base + i + 1;
        r.status = i === 0 ? 'holding' : 'pending';
        r.skipReason = null;
        await this.circulations.updateReader(id, username, { seq: r.seq, status: r.status }, tx.manager);
      }
      if (input.readers[0] !== before)
        await this.notifyHolders(tx, c, doc, [open.find((r) => r.username === input.readers[0])!], user.username);
    });
    return this.view(id);
  }

  async skip(id: string, input: SkipReader, user: SessionUser): Promise<Circulation> {
    await this.change(id, user, async (tx, c, readers, doc) => {
      this.checkOwner(c, user);
      const r = readers.find((x) => x.username === input.reader);
      if (!r || (r.status !== 'pending' && r.status !== 'holding')) throw DocumentErrors.reorderMismatch();
      Object.assign(r, { status: 'skipped', skipReason: input.reason });
      await this.circulations.updateReader(id, r.username, { status: 'skipped', skipReason: input.reason }, tx.manager);
      await this.advance(tx, c, readers, doc, user.username);
    });
    return this.view(id);
  }

  /** Circulations of a document (visible to whoever may read the document). */
  async ofDocument(documentId: string, user: SessionUser): Promise<CirculationList> {
    await this.access.readable(user, documentId);
    const rows = await this.circulations.ofDocument(documentId);
    return { items: await this.views(rows) };
  }

  /** `mine`: the circulations I am a reader of; otherwise those I started. */
  async list(mine: boolean, user: SessionUser): Promise<CirculationList> {
    const rows = mine ? await this.circulations.readBy(user.username) : await this.circulations.startedBy(user.username);
    return { items: await this.views(rows) };
  }

  private checkOwner(c: CirculationEntity, user: SessionUser): void {
    if (c.createdBy !== user.username) throw DocumentErrors.notOwner();
    if (c.status !== 'active') throw DocumentErrors.circulationClosed();
  }

  /** Runs a change with the circulation row locked; a caller who may not see it gets 404. */
  private async change(
    id: string,
    user: SessionUser,
    work: (tx: Tx, c: CirculationEntity, readers: CirculationReaderEntity[], doc: DocumentEntity) => Promise<void>,
  ): Promise<void> {
    const visible = await this.circulations.findById(id);
    if (!visible) throw DocumentErrors.circulationNotFound(id);
    const doc = await this.access.readable(user, visible.documentId).catch(() => null);
    if (!doc) throw DocumentErrors.circulationNotFound(id);
    await this.tx.run(async (tx) => {
      const locked = await this.circulations.lock(id, tx);
      if (!locked) throw DocumentErrors.circulationNotFound(id);
      await work(tx, locked.circulation, locked.readers, doc);
    });
  }

  /** Sequential: the next pending reader becomes the holder. Ends the circulation when nobody is left. */
  private async advance(
    tx: Tx,
    c: CirculationEntity,
    readers: CirculationReaderEntity[],
    doc: DocumentEntity,
    actor: string,
  ): Promise<void> {
    if (c.order === 'sequential' && !readers.some((r) => r.status === 'holding')) {
      const next = readers.filter((r) => r.status === 'pending').sort((a, b) => a.seq - b.seq)[0];
      if (next) {
        next.status = 'holding';
        await this.circulations.updateReader(c.id, next.username, { status: 'holding' }, tx.manager);
        await this.notifyHolders(tx, c, doc, [next], actor);
      }
    }
    if (!readers.some((r) => r.status === 'holding' || r.status === 'pending')) {
      c.status = 'completed';
      await this.circulations.complete(c.id, tx.manager);
    }
  }

  private async notifyHolders(
    tx: Tx,
    c: CirculationEntity,
    doc: DocumentEntity,
    readers: CirculationReaderEntity[],
    actor: string,
  ): Promise<void> {
    const holders = readers.filter((r) => r.status === 'holding');
    if (!holders.length) return;
    await this.notifications.send(
      tx,
      holders.map((r) => ({
        recipient: r.username,
        kind: 'circulate',
        title: `请阅：${doc.title}`,
        instanceId: doc.instanceId,
        link: `/documents/${doc.id}?circulation=${c.id}`,
        actor,
        dedupeKey: `circulate:${c.id}:${r.username}:${r.seq}`,
      })),
    );
  }

  private async view(id: string): Promise<Circulation> {
    const row = await this.circulations.findById(id);
    if (!row) throw DocumentErrors.circulationNotFound(id);
    return (await this.views([row]))[0];
  }

  private async views(rows: CirculationEntity[]): Promise<Circulation[]> {
    if (!rows.length) return [];
    const readers = await this.circulations.readersOf(rows.map((r) => r.id));
    const titles = await this.circulations.documentTitles([...new Set(rows.map((r) => r.documentId))]);
    return rows.map((c) => {
      const mine = readers.filter((r) => r.circulationId === c.id);
      return {
        id: c.id,
        documentId: c.documentId,
        documentTitle: titles.get(c.documentId) ?? '',
        order: c.order,
        status: c.status,
        createdBy: c.createdBy,
        createdAt: c.createdAt.toISOString(),
        holders: mine.filter((r) => r.status === 'holding').map((r) => r.username),
        readers: mine.map((r) => ({
          username: r.username,
          seq: r.seq,
          status: r.status,
          readAt: r.readAt ? r.readAt.toISOString() : null,
          note: r.note,
          skipReason: r.skipReason,
        })),
      };
    });
  }
}
