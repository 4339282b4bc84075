import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Clearance } from '@liuzhuan/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';

/** Users' 涉密等级: what the read checks of classified matters ask. */
@Injectable()
export class ClearanceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The clearance of a user by name; an unknown user has none. */
  async of(username: string, m: EntityManager = this.dataSource.manager): Promise<Clearance> {
    const row = await m.findOne(UserEntity, { where: { username }, select: { clearance: true } });
    return (row?.clearance ?? 'none') as Clearance;
  }

  async set(id: string, clearance: Clearance, m: EntityManager): Promise<void> {
    await m.update(UserEntity, { id }, { clearance, updatedAt: new Date() });
  }
}
