import type { LetterCategory } from '@liuzhuan/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A letter to the leader (领导信箱) and its process. The query code is kept only as its SM3
 * digest, and so is the writer's IP address (only to count letters per address for the limit).
 * The writer's phone and 身份证 number are SM4 cipher text (platform/crypto/key-store.ts).
 */
@Entity('letter')
export class LetterEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'query_code_digest', type: 'varchar', length: 64 })
  queryCodeDigest: string;

  @Column({ name: 'instance_id', type: 'varchar', length: 26 })
  instanceId: string;

  @Column({ type: 'varchar', length: 16 })
  category: LetterCategory;

  @Column({ type: 'varchar', length: 100 })
  subject: string;

  @Column({ type: 'text' })
  content: string;

  @Column({ name: 'writer_name', type: 'varchar', length: 50 })
  writerName: string;

  /** SM4 cipher text with its key id (letter-personal-data.ts); never the clear number */
  @Column({ name: 'phone_cipher', type: 'varchar', length: 160 })
  phoneCipher: string;

  /** keyed HMAC-SM3 of the normalized number, for equality look-ups; null only on a row not yet sealed */
  @Column({ name: 'phone_index', type: 'varchar', length: 64, nullable: true })
  phoneIndex: string | null;

  @Column({ name: 'id_number_cipher', type: 'varchar', length: 160, nullable: true })
  idNumberCipher: string | null;

  @Column({ name: 'id_number_index', type: 'varchar', length: 64, nullable: true })
  idNumberIndex: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  email: string | null;

  @Column({ name: 'ip_digest', type: 'varchar', length: 64 })
  ipDigest: string;

  /** 办理时限 in working days, counted from the creation of the 承办答复 task */
  @Column({ name: 'time_limit_workdays', type: 'int' })
  timeLimitWorkdays: number;

  @Column({ type: 'text', nullable: true })
  reply: string | null;

  @Column({ name: 'replied_by', type: 'varchar', length: 32, nullable: true })
  repliedBy: string | null;

  @Column({ name: 'replied_at', type: 'datetime', nullable: true })
  repliedAt: Date | null;

  @Column({ name: 'published_reply', type: 'text', nullable: true })
  publishedReply: string | null;

  @Column({ name: 'published_at', type: 'datetime', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}

/** One granted extension (延期) of a letter's time limit; append-only. */
@Entity('letter_extension')
export class LetterExtensionEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'letter_id', type: 'varchar', length: 26 })
  letterId: string;

  @Column({ type: 'int' })
  workdays: number;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'requested_by', type: 'varchar', length: 32 })
  requestedBy: string;

  /** the deadline after this extension */
  @Column({ name: 'due_at', type: 'datetime' })
  dueAt: Date;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}

/** A captcha of the public letter form: the answer only as a keyed digest; deleted when used. */
@Entity('captcha')
export class CaptchaEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'answer_digest', type: 'varchar', length: 64 })
  answerDigest: string;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt: Date;
}
