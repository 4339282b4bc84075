import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One uploaded BPMN file, kept verbatim so a version can be viewed and re-deployed. */
@Entity('deployment')
export class DeploymentEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ type: 'text' })
  xml: string;

  @Column({ name: 'deployed_by', type: 'varchar', length: 32 })
  deployedBy: string;

  @Column({ name: 'deployed_at', type: 'datetime' })
  deployedAt: Date;
}

/** One version of one process; `compiled` is the engine's model (parsed once, at deploy). */
@Entity('process_definition')
export class DefinitionEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'deployment_id', type: 'varchar', length: 26 })
  deploymentId: string;

  @Column({ name: 'process_key', type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column({ type: 'boolean' })
  executable: boolean;

  @Column({ type: 'text' })
  compiled: string;

  @Column({ name: 'deployed_by', type: 'varchar', length: 32 })
  deployedBy: string;

  @Column({ name: 'deployed_at', type: 'datetime' })
  deployedAt: Date;
}

/**
 * Who waits for which message or signal: an instance's catch events (from the engine's
 * subscribe effects) or a definition's start events (registered at deploy time).
 */
@Entity('event_subscription')
export class EventSubscriptionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 8 })
  kind: 'message' | 'signal';

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** the effective key: the model's own key expression, else the instance's business key */
  @Column({ name: 'correlation_key', type: 'varchar', length: 200, nullable: true })
  correlationKey: string | null;

  /** true when the model computed the key (the engine then compares it itself) */
  @Column({ name: 'model_key', type: 'boolean' })
  modelKey: boolean;

  @Column({ name: 'instance_id', type: 'varchar', length: 26, nullable: true })
  instanceId: string | null;

  @Column({ name: 'definition_id', type: 'varchar', length: 26, nullable: true })
  definitionId: string | null;

  @Column({ name: 'element_id', type: 'varchar', length: 200, nullable: true })
  elementId: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}

/** A definition without its compiled process (what starting an instance reads). */
export type DefinitionHead = Omit<DefinitionEntity, 'compiled'>;
