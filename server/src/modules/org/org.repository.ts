import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OrgEntity } from './org.entity';

@Injectable()
export class OrgRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(OrgEntity);
  }

  list(): Promise<OrgEntity[]> {
    return this.repo().find({ order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  findById(id: string, manager?: EntityManager): Promise<OrgEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findByCode(code: string, manager?: EntityManager): Promise<OrgEntity | null> {
    return this.repo(manager).findOneBy({ code });
  }

  async insert(org: OrgEntity, manager?: EntityManager): Promise<void> {
    await this.repo(manager).insert(org);
  }

  async update(id: string, patch: Partial<OrgEntity>, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, patch);
  }

  count(): Promise<number> {
    return this.repo().count();
  }
}
