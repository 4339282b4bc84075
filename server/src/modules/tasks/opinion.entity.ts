import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An opinion (意见): written once with an operation, never updated or deleted. */
@Entity('opinion')
export class OpinionEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'instance_id', type: 'varchar', length: 26 })
  instanceId: string;

  @Column({ name: 'task_id', type: 'varchar', length: 26, nullable: true })
  taskId: string | null;

  @Column({ name: 'element_id', type: 'varchar', length: 200, nullable: true })
  elementId: string | null;

  @Column({ type: 'varchar', length: 32 })
  author: string;

  @Column({ name: 'on_behalf_of', type: 'varchar', length: 32, nullable: true })
  onBehalfOf: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind: string;

  @Column({ type: 'varchar', length: 2000 })
  text: string;

  @Column({ type: 'boolean', nullable: true })
  approve: boolean | null;

  @Column({ name: 'document_id', type: 'varchar', length: 26, nullable: true })
  documentId: string | null;

  /** SM3 digest (hex) of the document version the opinion was written on */
  @Column({ name: 'document_digest', type: 'varchar', length: 64, nullable: true })
  documentDigest: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  /** position in the instance's opinion chain (1, 2, 3 …); null on opinions written before the chain */
  @Column({ type: 'int', nullable: true })
  seq: number | null;

  /** SM3(previous opinion's hash of this instance ‖ this row's canonical form); null before the chain */
  @Column({ type: 'varchar', length: 64, nullable: true })
  hash: string | null;
}
