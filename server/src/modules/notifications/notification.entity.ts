import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One in-app message to one user. The id is time-ordered (platform/ids), so the stream finds
 * new rows with `id > lastSeen`; `dedupe_key` is unique and makes a re-run sender harmless
 * (a due-date reminder is sent once per task, stage and recipient).
 */
@Entity('notification')
@Index('ix_notification_inbox', ['recipient', 'readAt', 'createdAt'])
export class NotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  /** a username */
  @Column({ type: 'varchar', length: 32 })
  recipient: string;

  /** 'task.assigned' | 'task.urged' | 'task.due-soon' | 'task.overdue' | 'cc' | 'circulate' | 'withdrawn' | 'returned' | 'info' … */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 2000 })
  body: string;

  @Column({ name: 'instance_id', type: 'varchar', length: 26, nullable: true })
  instanceId: string | null;

  @Column({ name: 'task_id', type: 'varchar', length: 26, nullable: true })
  taskId: string | null;

  /** a client route, e.g. `/inbox/tasks/<id>` */
  @Column({ type: 'varchar', length: 300, nullable: true })
  link: string | null;

  /** who caused it (a username); null for the system */
  @Column({ type: 'varchar', length: 32, nullable: true })
  actor: string | null;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 120, nullable: true })
  dedupeKey: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'datetime', nullable: true })
  readAt: Date | null;
}
