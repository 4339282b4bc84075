import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One version of a task form: a form-js schema stored as JSON text. Versions are never changed. */
@Entity('form')
@Index('uq_form_key_version', ['formKey', 'version'], { unique: true })
export class FormEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'form_key', type: 'varchar', length: 200 })
  formKey: string;

  @Column({ type: 'int' })
  version: number;

  /** the form-js schema as JSON text (MEDIUMTEXT on MySQL: up to 256 kB is accepted) */
  @Column({ name: 'schema_json', type: 'text' })
  schemaJson: string;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
