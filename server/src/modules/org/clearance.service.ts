import { Injectable } from '@nestjs/common';
import type { Clearance, SessionUser, User } from '@liuzhuan/contracts';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { type AuditContext, AuditTrail } from '../audit/audit.api';
import { ClearanceRepository } from './clearance.repository';
import { OrgErrors } from './org.errors';
import { UserChanges } from './user-changes';
import { UserRepository } from './user.repository';
import { UserService } from './user.service';

/** 设定涉密等级: the security admin's act (the route requires the role), never on their own account. */
@Injectable()
export class ClearanceService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clearances: ClearanceRepository,
    private readonly users: UserRepository,
    private readonly userService: UserService,
    private readonly changes: UserChanges,
    private readonly trail: AuditTrail,
  ) {}

  async set(id: string, clearance: Clearance, by: SessionUser, audit: AuditContext): Promise<User> {
    const event = { type: 'user.clearance.change', targetType: 'user', targetId: id, details: { to: clearance } } as const;
    const user = await this.trail.failureRecorded(audit, event, () =>
      this.tx.run(async (tx) => {
        if (id === by.id) throw OrgErrors.ownClearance();
        const row = await this.users.findById(id, tx.manager);
        if (!row) throw OrgErrors.userNotFound(id);
        await this.clearances.set(id, clearance, tx.manager);
        this.trail.record(tx, audit, { ...event, details: { username: row.username, from: row.clearance ?? 'none', to: clearance } });
        return this.userService.get(id, tx.manager);
      }),
    );
    this.changes.changed(id);
    return user;
  }
}
