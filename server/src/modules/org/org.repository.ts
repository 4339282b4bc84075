import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { OrgEntity } from './org.entity';

@Injectable()
export class OrgRepository {
  constructor(@InjectRepository(OrgEntity) private readonly orgs: Repository<OrgEntity>) {}

  /** The organizations as seen by the transaction's manager, or outside any transaction. */
  private repo(manager?: EntityManager): Repository<OrgEntity> {
    return manager ? manager.getRepository(OrgEntity) : this.orgs;
  }

  list(manager?: EntityManager): Promise<OrgEntity[]> {
    return this.repo(manager).find({ order: { sortOrder: 'ASC', code: 'ASC' } });
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
