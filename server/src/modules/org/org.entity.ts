import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrgKind } from '@liuzhuan/contracts';

/** An organization: the city government, its office, a department, a county government. */
@Entity('org')
export class OrgEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'parent_id', type: 'varchar', length: 26, nullable: true })
  parentId: string | null;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'short_name', type: 'varchar', length: 40, nullable: true })
  shortName: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: OrgKind;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
