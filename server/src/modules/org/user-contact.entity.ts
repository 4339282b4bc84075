import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user's phone and 身份证 number: SM4 cipher text with its key id, and a keyed blind index each. */
@Entity('user_contact')
export class UserContactEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 26 })
  userId: string;

  @Column({ name: 'phone_cipher', type: 'varchar', length: 160, nullable: true })
  phoneCipher: string | null;

  @Column({ name: 'phone_index', type: 'varchar', length: 64, nullable: true })
  phoneIndex: string | null;

  @Column({ name: 'id_number_cipher', type: 'varchar', length: 160, nullable: true })
  idNumberCipher: string | null;

  @Column({ name: 'id_number_index', type: 'varchar', length: 64, nullable: true })
  idNumberIndex: string | null;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
