import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KeyStore } from '../../platform/crypto/key-store';
import { maskPersonal, openPersonal, sealPersonal } from '../../platform/crypto/personal-data';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import type { LetterEntity } from './letter.entity';
import { LetterRepository } from './letter.repository';

const PHONE_FIELD = 'letter.phone';
const ID_FIELD = 'letter.idNumber';

/** The writer's phone and 身份证 number as the letter row stores them: SM4 cipher text and blind indexes. */
export function sealLetterContact(
  keys: KeyStore,
  phone: string,
  idNumber: string | null,
): Pick<LetterEntity, 'phoneCipher' | 'phoneIndex' | 'idNumberCipher' | 'idNumberIndex'> {
  const p = sealPersonal(keys, 'phone', PHONE_FIELD, phone);
  const i = idNumber ? sealPersonal(keys, 'idNumber', ID_FIELD, idNumber) : null;
  return { phoneCipher: p.cipher, phoneIndex: p.index, idNumberCipher: i?.cipher ?? null, idNumberIndex: i?.index ?? null };
}

/** The clear phone and 身份证 number of a sealed letter (for its handler, and for masking a reply). */
export function openLetterContact(keys: KeyStore, letter: LetterEntity): { phone: string; idNumber: string | null } {
  return {
    phone: openPersonal(keys, PHONE_FIELD, letter.phoneCipher),
    idNumber: letter.idNumberCipher ? openPersonal(keys, ID_FIELD, letter.idNumberCipher) : null,
  };
}

/** What a reader who is not the letter's current handler sees. */
export function maskedLetterContact(contact: { phone: string; idNumber: string | null }): { phone: string; idNumber: string | null } {
  return { phone: maskPersonal('phone', contact.phone), idNumber: contact.idNumber ? maskPersonal('idNumber', contact.idNumber) : null };
}

/**
 * At start, seals the letters written before personal data was encrypted (their phone column
 * still holds the clear number and no blind index). Idempotent and safe with several processes:
 * a row is updated only while its index is still null. On SQLite the old values are overwritten
 * in the file (secure_delete) and the WAL is truncated, so no clear copy stays in the data dir.
 */
@Injectable()
export class LetterPersonalDataSealer implements OnApplicationBootstrap {
  private readonly logger = new Logger('Mailbox');

  constructor(
    private readonly keys: KeyStore,
    private readonly letters: LetterRepository,
    private readonly tx: TransactionRunner,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sealAll();
  }

  async sealAll(): Promise<number> {
    let sealed = 0;
    const sqlite = this.tx.dialect === 'sqlite';
    for (;;) {
      const batch = await this.letters.unsealed(200);
      if (!batch.length) break;
      if (sqlite && sealed === 0) await this.dataSource.query('PRAGMA secure_delete = ON');
      await this.tx.run(async (tx) => {
        for (const row of batch) {
          // before the migration these columns held the clear numbers
          const patch = sealLetterContact(this.keys, row.phoneCipher, row.idNumberCipher);
          if (await this.letters.seal(row.id, patch, tx.manager)) sealed++;
        }
      });
    }
    if (sealed) {
      if (sqlite) await this.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
      this.logger.log(`sealed the phone and ID numbers of ${sealed} letters (SM4)`);
    }
    return sealed;
  }
}
