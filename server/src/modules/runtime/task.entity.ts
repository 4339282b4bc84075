import { Column, Entity, PrimaryColumn } from 'typeorm';

export type TaskRowStatus = 'open' | 'completed' | 'cancelled';

/** The inbox projection of user tasks; the id is the engine's element instance id. */
@Entity('task')
export class TaskEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'instance_id', type: 'varchar', length: 26 })
  instanceId: string;

  @Column({ name: 'definition_key', type: 'varchar', length: 200 })
  definitionKey: string;

  @Column({ name: 'element_id', type: 'varchar', length: 200 })
  elementId: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  /** a username */
  @Column({ type: 'varchar', length: 32, nullable: true })
  assignee: string | null;

  @Column({ type: 'varchar', length: 12 })
  status: TaskRowStatus;

  @Column({ name: 'form_key', type: 'varchar', length: 200, nullable: true })
  formKey: string | null;

  @Column({ name: 'due_at', type: 'datetime', nullable: true })
  dueAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'opened_at', type: 'datetime', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'completed_at', type: 'datetime', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'completed_by', type: 'varchar', length: 32, nullable: true })
  completedBy: string | null;
}

/** Candidates of a task: usernames (`user`) and group codes (`group`). */
@Entity('task_candidate')
export class TaskCandidateEntity {
  @PrimaryColumn({ name: 'task_id', type: 'varchar', length: 26 })
  taskId: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  kind: 'user' | 'group';

  @PrimaryColumn({ type: 'varchar', length: 64 })
  value: string;
}
