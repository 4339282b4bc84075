import { Injectable } from '@nestjs/common';
import type { CreatePhrase, Phrase, PhraseList, SessionUser } from '@liuzhuan/contracts';
import { DataSource } from 'typeorm';
import { newId } from '../../platform/ids/ids';
import { PhraseEntity } from './phrase.entity';
import { TaskErrors } from './tasks.errors';

/** 常用语 (phrases): a user's own phrases for opinions and the organization-wide ones. */
@Injectable()
export class PhrasesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(user: SessionUser): Promise<PhraseList> {
    const rows = await this.dataSource.manager.find(PhraseEntity, {
      where: [{ owner: user.username, scope: 'personal' }, { scope: 'organization' }],
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return { items: rows.map(toPhrase) };
  }

  async add(input: CreatePhrase, user: SessionUser): Promise<Phrase> {
    if (input.scope === 'organization' && !isPhraseAdmin(user)) throw TaskErrors.organizationPhrase();
    const row = Object.assign(new PhraseEntity(), {
      id: newId(),
      text: input.text,
      scope: input.scope,
      owner: input.scope === 'personal' ? user.username : null,
      createdAt: new Date(),
    });
    await this.dataSource.manager.insert(PhraseEntity, row);
    return toPhrase(row);
  }

  async delete(id: string, user: SessionUser): Promise<void> {
    const m = this.dataSource.manager;
    const row = await m.findOneBy(PhraseEntity, { id });
    const mayDelete = row && (row.scope === 'personal' ? row.owner === user.username : isPhraseAdmin(user));
    if (!row || !mayDelete) throw TaskErrors.phraseNotFound(id);
    await m.delete(PhraseEntity, { id });
  }
}

const isPhraseAdmin = (user: SessionUser) => user.roles.includes('workflow_admin') || user.roles.includes('system_admin');

const toPhrase = (r: PhraseEntity): Phrase => ({
  id: r.id,
  text: r.text,
  scope: r.scope,
  owner: r.owner,
  createdAt: r.createdAt.toISOString(),
});
