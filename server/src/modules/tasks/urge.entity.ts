import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 催办: one reminder sent to a task's handler (manual, or by the due-date timers). */
@Entity('task_urge')
export class UrgeEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'instance_id', type: 'varchar', length: 26 })
  instanceId: string;

  @Column({ name: 'task_id', type: 'varchar', length: 26 })
  taskId: string;

  /** null: the system (due-date reminder) */
  @Column({ name: 'urged_by', type: 'varchar', length: 32, nullable: true })
  urgedBy: string | null;

  @Column({ type: 'varchar', length: 500 })
  message: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
