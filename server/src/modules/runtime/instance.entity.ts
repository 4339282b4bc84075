import { Column, Entity, PrimaryColumn } from 'typeorm';

export type InstanceRowStatus = 'active' | 'completed' | 'terminated';

/**
 * A process instance: the engine state as JSON plus the columns queries filter on. `version`
 * grows by one per command (a count, not a check: writers hold the row lock, InstanceRepository.lock).
 */
@Entity('process_instance')
export class InstanceEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'definition_id', type: 'varchar', length: 26 })
  definitionId: string;

  @Column({ name: 'definition_key', type: 'varchar', length: 200 })
  definitionKey: string;

  @Column({ name: 'definition_version', type: 'int' })
  definitionVersion: number;

  @Column({ name: 'business_key', type: 'varchar', length: 200, nullable: true })
  businessKey: string | null;

  @Column({ name: 'parent_id', type: 'varchar', length: 26, nullable: true })
  parentId: string | null;

  /** the parent's call activity instance this child continues when it ends */
  @Column({ name: 'parent_element_instance_id', type: 'varchar', length: 26, nullable: true })
  parentElementInstanceId: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  initiator: string | null;

  @Column({ name: 'initiator_org_id', type: 'varchar', length: 26, nullable: true })
  initiatorOrgId: string | null;

  @Column({ type: 'varchar', length: 12 })
  status: InstanceRowStatus;

  @Column({ type: 'text' })
  state: string;

  @Column({ type: 'int' })
  version: number;

  /** the last history sequence number written for this instance */
  @Column({ name: 'history_seq', type: 'int' })
  historySeq: number;

  /** the hash of this instance's last history link (history-chain.ts); null before the first chained row */
  @Column({ name: 'history_hash', type: 'varchar', length: 64, nullable: true })
  historyHash: string | null;

  /** the last opinion sequence number written for this instance */
  @Column({ name: 'opinion_seq', type: 'int', default: 0 })
  opinionSeq: number;

  /** the hash of this instance's last opinion link; null before the first chained opinion */
  @Column({ name: 'opinion_hash', type: 'varchar', length: 64, nullable: true })
  opinionHash: string | null;

  @Column({ name: 'started_at', type: 'datetime' })
  startedAt: Date;

  @Column({ name: 'ended_at', type: 'datetime', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;

  /**
   * Not a column. False when the lock read of this row found no 代理 (proxy) in force or to come
   * anywhere: the tasks its command creates need no proxy query. Unset when the row was read
   * otherwise (then a proxy may apply).
   */
  proxiesMayApply?: boolean;

  /** The row of an instance that starts now: active, version 0, no state or history yet. */
  static starting(
    fields: Pick<InstanceEntity, 'id' | 'definitionId' | 'definitionKey' | 'definitionVersion'> &
      Partial<Pick<InstanceEntity, 'businessKey' | 'parentId' | 'parentElementInstanceId' | 'initiator' | 'initiatorOrgId'>>,
    now = new Date(),
  ): InstanceEntity {
    return Object.assign(new InstanceEntity(), {
      businessKey: null,
      parentId: null,
      parentElementInstanceId: null,
      initiator: null,
      initiatorOrgId: null,
      ...fields,
      status: 'active' as InstanceRowStatus,
      state: '{}',
      version: 0,
      historySeq: 0,
      historyHash: null,
      opinionSeq: 0,
      opinionHash: null,
      startedAt: now,
      endedAt: null,
      updatedAt: now,
    });
  }
}

/** Append-only history: engine events (replayable) and task operations, ordered per instance. */
@Entity('history_event')
export class HistoryEventEntity {
  @PrimaryColumn({ name: 'instance_id', type: 'varchar', length: 26 })
  instanceId: string;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 40 })
  type: string;

  @Column({ name: 'element_id', type: 'varchar', length: 200, nullable: true })
  elementId: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  actor: string | null;

  @Column({ type: 'datetime' })
  at: Date;

  @Column({ type: 'text' })
  details: string;

  /** SM3(previous row's hash of this instance ‖ this row's canonical form); null on rows written before the chain */
  @Column({ type: 'varchar', length: 64, nullable: true })
  hash: string | null;
}
