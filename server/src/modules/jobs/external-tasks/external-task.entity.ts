import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ExternalTaskStatus = 'open' | 'completed' | 'failed' | 'cancelled';

/**
 * A service task done by a worker outside the server (any type that is not built in). Workers
 * fetch and lock open tasks of their topics; a lock that expires makes the task fetchable again.
 */
@Entity('external_task')
export class ExternalTaskEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'instance_id', type: 'varchar', length: 26 })
  instanceId: string;

  /** the engine's job key: completing the task completes this job */
  @Column({ name: 'job_key', type: 'varchar', length: 64 })
  jobKey: string;

  @Column({ type: 'varchar', length: 200 })
  topic: string;

  @Column({ name: 'element_id', type: 'varchar', length: 200, nullable: true })
  elementId: string | null;

  @Column({ type: 'text' })
  variables: string;

  @Column({ type: 'varchar', length: 12 })
  status: ExternalTaskStatus;

  /** what the worker reported as retries left on its last failure (null: never failed) */
  @Column({ type: 'int', nullable: true })
  retries: number | null;

  @Column({ name: 'worker_id', type: 'varchar', length: 100, nullable: true })
  workerId: string | null;

  @Column({ name: 'lock_expires_at', type: 'datetime', nullable: true })
  lockExpiresAt: Date | null;

  /** the API key the lock was taken with: only that key, with the same worker id, acts on the task */
  @Column({ name: 'lock_key_id', type: 'varchar', length: 26, nullable: true })
  lockKeyId?: string | null;

  @Column({ name: 'error_message', type: 'varchar', length: 2000, nullable: true })
  errorMessage: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}

/**
 * A worker's API key, issued by the system admin; only its SM3 digest is stored. The key sent is
 * `lzk_<id>_<secret>`: found by id, its digest compared in constant time.
 */
@Entity('api_key')
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash: string;

  @Column({ name: 'created_by', type: 'varchar', length: 32 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt: Date | null;

  /** JSON array of the topics the key may fetch and lock; `["*"]` for all */
  @Column({ type: 'text' })
  topics: string;

  /** null only for keys issued before keys expired */
  @Column({ name: 'expires_at', type: 'datetime', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'last_used_at', type: 'datetime', nullable: true })
  lastUsedAt: Date | null;
}
