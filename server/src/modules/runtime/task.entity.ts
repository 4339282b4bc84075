import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `waiting`: waits for the signers added before it (前加签) or after its completion (后加签). */
export type TaskRowStatus = 'open' | 'completed' | 'cancelled' | 'waiting';
/** `user`: an engine user task; `addsign`: a server-side signer task of 加签 (no element instance). */
export type TaskKind = 'user' | 'addsign';

/** What a task waiting for its signers resumes with (加签). */
export interface TaskSigning {
  position: 'before' | 'after';
  /** 后加签 added before completion: who signs after it */
  after?: string[];
  /** 后加签 once completed: the completion to send to the engine when every signer is done */
  completion?: { variables?: Record<string, unknown>; outcome?: string; by: string; details: Record<string, unknown> };
}

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

  /** 委派: the owner the task goes back to; set while a delegate holds it */
  @Column({ type: 'varchar', length: 32, nullable: true })
  owner: string | null;

  /** 代理: the principal the assignee acts for */
  @Column({ name: 'on_behalf_of', type: 'varchar', length: 32, nullable: true })
  onBehalfOf: string | null;

  @Column({ type: 'varchar', length: 12, default: 'user' })
  kind: TaskKind;

  /** 加签: the task a signer task belongs to */
  @Column({ name: 'parent_task_id', type: 'varchar', length: 26, nullable: true })
  parentTaskId: string | null;

  /** the task whose completion (or return) created this one */
  @Column({ name: 'source_task_id', type: 'varchar', length: 26, nullable: true })
  sourceTaskId: string | null;

  /** JSON {@link TaskSigning} while signers are added to it */
  @Column({ type: 'text', nullable: true })
  signing: string | null;
}

/** 抄送: a read-only copy of an instance for a user, with its read receipt. */
@Entity('cc_copy')
export class CcCopyEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'instance_id', type: 'varchar', length: 26 })
  instanceId: string;

  @Column({ name: 'task_id', type: 'varchar', length: 26, nullable: true })
  taskId: string | null;

  @Column({ type: 'varchar', length: 32 })
  recipient: string;

  @Column({ type: 'varchar', length: 32 })
  sender: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'datetime', nullable: true })
  readAt: Date | null;
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
