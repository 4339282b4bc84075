import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { InstanceEntity } from './instance.entity';

/**
 * The 密级 of the 公文 an instance handles (its own, or its nearest ancestor's: a called
 * sub-process works on its parent's document). Read from the document row, which 变更密级
 * changes, never from the `secretLevel` variable set at start.
 */
@Injectable()
export class InstanceClassification {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async levelOf(row: Pick<InstanceEntity, 'id' | 'parentId'>, m: EntityManager = this.dataSource.manager): Promise<string> {
    let id: string | null = row.id;
    let parent: string | null | undefined = row.parentId;
    for (let depth = 0; id && depth < 10; depth++) {
      const docs: { secret_level: string }[] = await m.query('SELECT secret_level FROM official_document WHERE instance_id = ?', [id]);
      if (docs.length) return docs[0].secret_level;
      if (parent === undefined) {
        const rows: { parent_id: string | null }[] = await m.query('SELECT parent_id FROM process_instance WHERE id = ?', [id]);
        parent = rows[0]?.parent_id ?? null;
      }
      id = parent;
      parent = undefined;
    }
    return 'NONE';
  }

  /** The 密级 of the classified 公文 (above NONE) of these instances, by instance id. */
  async classifiedOf(instanceIds: string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const ids = [...new Set(instanceIds)];
    if (!ids.length) return new Map();
    const rows: { instance_id: string; secret_level: string }[] = await m.query(
      `SELECT instance_id, secret_level FROM official_document WHERE secret_level <> 'NONE' AND instance_id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    return new Map(rows.map((r) => [r.instance_id, r.secret_level]));
  }
}
