import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { SessionEntity } from './session.entity';

@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(session: SessionEntity, manager: EntityManager): Promise<void> {
    await manager.insert(SessionEntity, session);
  }

  findByTokenHash(tokenHash: string): Promise<SessionEntity | null> {
    return this.dataSource.manager.findOneBy(SessionEntity, { tokenHash });
  }

  async touch(id: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.update(SessionEntity, { id }, { lastSeenAt: at });
  }

  async revoke(id: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.update(SessionEntity, { id, revokedAt: IsNull() }, { revokedAt: at });
  }
}
