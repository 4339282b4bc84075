import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 代理: during [validFrom, validTo) new tasks of the principal go to the deputy. */
@Entity('task_proxy')
export class TaskProxyEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  principal: string;

  @Column({ type: 'varchar', length: 32 })
  deputy: string;

  @Column({ name: 'valid_from', type: 'datetime' })
  validFrom: Date;

  @Column({ name: 'valid_to', type: 'datetime' })
  validTo: Date;

  /** JSON list of process keys; null: every process */
  @Column({ name: 'definition_keys', type: 'text', nullable: true })
  definitionKeys: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 32 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  /** the security admin's reason when they set it for someone else */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt: Date | null;
}
