import { Column, Entity, PrimaryColumn } from 'typeorm';

export type JobStatus = 'pending' | 'done' | 'failed' | 'cancelled';

/**
 * The job table is the truth (the outbox): a row is written in the transaction that needs the
 * work, and its id is pushed to the queue only after commit. The queue merely wakes handlers.
 */
@Entity('job')
export class JobEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  type: string;

  @Column({ name: 'instance_id', type: 'varchar', length: 26, nullable: true })
  instanceId: string | null;

  @Column({ name: 'definition_id', type: 'varchar', length: 26, nullable: true })
  definitionId: string | null;

  @Column({ name: 'element_id', type: 'varchar', length: 200, nullable: true })
  elementId: string | null;

  /** the engine's timer id or job key this row stands for */
  @Column({ type: 'varchar', length: 64, nullable: true })
  ref: string | null;

  @Column({ name: 'due_at', type: 'datetime' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 12 })
  status: JobStatus;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ name: 'last_error', type: 'varchar', length: 2000, nullable: true })
  lastError: string | null;

  @Column({ type: 'text' })
  payload: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
