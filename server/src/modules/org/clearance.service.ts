import { Injectable } from '@nestjs/common';
import type { Clearance, SessionUser, User } from '@liuzhuan/contracts';
import { TransactionRunner } from '../../platform/database/transaction-runner';
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
  ) {}

  async set(id: string, clearance: Clearance, by: SessionUser): Promise<User> {
    if (id === by.id) throw OrgErrors.ownClearance();
    const user = await this.tx.run(async ({ manager: m }) => {
      if (!(await this.users.findById(id, m))) throw OrgErrors.userNotFound(id);
      await this.clearances.set(id, clearance, m);
      return this.userService.get(id, m);
    });
    this.changes.changed(id);
    return user;
  }
}
