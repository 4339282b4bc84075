import { Injectable } from '@nestjs/common';
import type { CreatePhrase, Phrase, PhraseList, SessionUser } from '@liuzhuan/contracts';
import { newId } from '../../platform/ids/ids';
import { ApprovalsRepository } from './approvals.repository';
import { PhraseEntity } from './phrase.entity';
import { TaskErrors } from './tasks.errors';

/** 常用语 (phrases): a user's own phrases for opinions and the organization-wide ones. */
@Injectable()
export class PhrasesService {
  constructor(private readonly rows: ApprovalsRepository) {}

  async list(user: SessionUser): Promise<PhraseList> {
    return { items: (await this.rows.phrasesFor(user.username)).map(toPhrase) };
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
    await this.rows.insertPhrase(row);
    return toPhrase(row);
  }

  async delete(id: string, user: SessionUser): Promise<void> {
    const row = await this.rows.phraseById(id);
    const mayDelete = row && (row.scope === 'personal' ? row.owner === user.username : isPhraseAdmin(user));
    if (!row || !mayDelete) throw TaskErrors.phraseNotFound(id);
    await this.rows.deletePhrase(id);
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
