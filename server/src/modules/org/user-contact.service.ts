import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { SessionUser, UpdateUserContact, UserContact } from '@liuzhuan/contracts';
import { KeyStore } from '../../platform/crypto/key-store';
import { maskPersonal, openPersonal, sealPersonal } from '../../platform/crypto/personal-data';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { type AuditContext, AuditTrail } from '../audit/audit.api';
import { UserContactEntity } from './user-contact.entity';
import { UserContactErrors } from './user-contact.errors';
import { UserRepository } from './user.repository';

const PHONE_FIELD = 'user.phone';
const ID_FIELD = 'user.idNumber';

/**
 * A user's phone and 身份证 number, SM4-encrypted at rest with a blind index each. The user sees
 * their own in clear; the system and security admins see them masked; nobody else sees them.
 * The user or the system admin sets them.
 */
@Injectable()
export class UserContactService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly keys: KeyStore,
    private readonly users: UserRepository,
    private readonly trail: AuditTrail,
  ) {}

  async get(userId: string, reader: SessionUser): Promise<UserContact> {
    this.mayRead(userId, reader);
    if (!(await this.users.findById(userId))) throw UserContactErrors.userNotFound(userId);
    return this.view(userId, await this.dataSource.manager.findOneBy(UserContactEntity, { userId }), reader);
  }

  async set(userId: string, input: UpdateUserContact, writer: SessionUser, audit: AuditContext): Promise<UserContact> {
    // which fields were set or cleared, never their values (personal data)
    const contact = Object.fromEntries(
      (['phone', 'idNumber'] as const).filter((f) => input[f] !== undefined).map((f) => [f, input[f] === null ? 'cleared' : 'set']),
    );
    const event = { type: 'user.update', targetType: 'user', targetId: userId, details: { contact } } as const;
    const row = await this.trail.failureRecorded(audit, event, () =>
      this.tx.run(async (tx) => {
        if (writer.id !== userId && !writer.roles.includes('system_admin')) throw UserContactErrors.notYours();
        const user = await this.users.findById(userId, tx.manager);
        if (!user) throw UserContactErrors.userNotFound(userId);
        const current = await tx.manager.findOneBy(UserContactEntity, { userId });
        const next = Object.assign(
          new UserContactEntity(),
          current ?? { userId, phoneCipher: null, phoneIndex: null, idNumberCipher: null, idNumberIndex: null },
        );
        if (input.phone !== undefined) {
          const sealed = input.phone === null ? null : sealPersonal(this.keys, 'phone', PHONE_FIELD, input.phone);
          next.phoneCipher = sealed?.cipher ?? null;
          next.phoneIndex = sealed?.index ?? null;
        }
        if (input.idNumber !== undefined) {
          const sealed = input.idNumber === null ? null : sealPersonal(this.keys, 'idNumber', ID_FIELD, input.idNumber);
          next.idNumberCipher = sealed?.cipher ?? null;
          next.idNumberIndex = sealed?.index ?? null;
        }
        next.updatedAt = new Date();
        await tx.manager.save(UserContactEntity, next);
        this.trail.record(tx, audit, { ...event, details: { username: user.username, contact } });
        return next;
      }),
    );
    return this.view(userId, row, writer);
  }

  private mayRead(userId: string, reader: SessionUser): void {
    if (reader.id !== userId && !reader.roles.some((r) => r === 'system_admin' || r === 'security_admin'))
      throw UserContactErrors.notYours();
  }

  private view(userId: string, row: UserContactEntity | null, reader: SessionUser): UserContact {
    const own = reader.id === userId;
    const phone = row?.phoneCipher ? openPersonal(this.keys, PHONE_FIELD, row.phoneCipher) : null;
    const idNumber = row?.idNumberCipher ? openPersonal(this.keys, ID_FIELD, row.idNumberCipher) : null;
    return {
      userId,
      phone: phone && !own ? maskPersonal('phone', phone) : phone,
      idNumber: idNumber && !own ? maskPersonal('idNumber', idNumber) : idNumber,
      masked: !own,
    };
  }
}
