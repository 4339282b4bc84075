import { Injectable } from '@nestjs/common';
import {
  type Form,
  type FormJsSchema,
  type FormList,
  type OpinionField,
  opinionFieldsOf,
  type VoteField,
  voteFieldOf,
} from '@liuzhuan/contracts';
import type { EntityManager } from 'typeorm';
import { isDuplicateKey } from '../../platform/database/driver-error';
import { FormErrors } from './forms.errors';
import { ConcurrencyConflict, TransactionRunner } from '../../platform/database/transaction-runner';
import { newId } from '../../platform/ids/ids';
import { FormEntity } from './form.entity';
import { FormRepository } from './form.repository';
import { checkFormSchema } from './form-schema-guard';

/** Task forms: form-js schemas versioned per key; a save adds a version, older ones are kept. */
@Injectable()
export class FormsService {
  constructor(
    private readonly forms: FormRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async get(key: string): Promise<Form> {
    const form = await this.forms.latest(key);
    if (!form) throw FormErrors.notFound(key);
    return toForm(form);
  }

  /**
   * The opinion fields of the latest version of a form (none when the key has no form), read with
   * the caller's manager: a completion asks under its instance lock.
   */
  async opinionFields(key: string, m: EntityManager): Promise<{ fields: OpinionField[]; vote: VoteField | null }> {
    const form = await this.forms.latest(key, m);
    if (!form) return { fields: [], vote: null };
    const schema: unknown = JSON.parse(form.schemaJson);
    return { fields: opinionFieldsOf(schema), vote: voteFieldOf(schema) };
  }

  async list(): Promise<FormList> {
    const rows = await this.forms.latestOfEach();
    return {
      items: rows.map((r) => ({ key: r.formKey, version: r.version, updatedAt: r.createdAt.toISOString(), updatedBy: r.createdBy })),
    };
  }

  /** Checks the schema (size, depth, keys, form-js shape) and stores it as the next version of the key. */
  async save(key: string, schema: unknown, username: string): Promise<Form> {
    const { json } = checkFormSchema(schema);
    return this.tx.run(async ({ manager }) => {
      const latest = await this.forms.latest(key, manager);
      const form: FormEntity = {
        id: newId(),
        formKey: key,
        version: (latest?.version ?? 0) + 1,
        schemaJson: json,
        createdBy: username,
        createdAt: new Date(),
      };
      try {
        await this.forms.insert(form, manager);
      } catch (error) {
        // two saves of one key at the same moment: the loser runs again and takes the next version
        if (isDuplicateKey(error)) throw new ConcurrencyConflict(`form ${key} version ${form.version} was taken`);
        throw error;
      }
      return toForm(form);
    });
  }

  /** Demo mode: stores a shipped form as version 1 unless the key has a version already. Returns whether it did. */
  async deployIfMissing(key: string, schema: unknown, username: string): Promise<boolean> {
    if (await this.forms.latest(key)) return false;
    const { json } = checkFormSchema(schema);
    return this.tx.run(async ({ manager }) => {
      if (await this.forms.latest(key, manager)) return false;
      try {
        await this.forms.insert(
          { id: newId(), formKey: key, version: 1, schemaJson: json, createdBy: username, createdAt: new Date() },
          manager,
        );
      } catch (error) {
        // another process deployed it at the same moment
        if (isDuplicateKey(error)) return false;
        throw error;
      }
      return true;
    });
  }
}

function toForm(form: FormEntity): Form {
  return {
    key: form.formKey,
    version: form.version,
    schema: JSON.parse(form.schemaJson) as FormJsSchema,
    updatedAt: form.createdAt.toISOString(),
    updatedBy: form.createdBy,
  };
}
