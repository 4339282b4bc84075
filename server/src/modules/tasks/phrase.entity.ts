import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 常用语: a personal or organization-wide phrase for opinions. */
@Entity('phrase')
export class PhraseEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 500 })
  text: string;

  @Column({ type: 'varchar', length: 16 })
  scope: 'personal' | 'organization';

  /** the user of a personal phrase; null for an organization-wide one */
  @Column({ type: 'varchar', length: 32, nullable: true })
  owner: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
