import { Inject, Injectable, Logger } from '@nestjs/common';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config';
import { hashPassword } from '../../platform/crypto/password';
import { newId } from '../../platform/ids/ids';
import { DEMO_GROUPS, DEMO_ORGS, DEMO_USERS, DEMO_CLEARANCES } from './demo-city.data';
import { OrgEntity } from './org.entity';
import { OrgRepository } from './org.repository';
import { newUser } from './new-user';
import { GroupEntity, GroupMemberEntity, UserEntity, UserRoleEntity } from './user.entity';

/** Seeds the demo city once, in one transaction, into an empty database. */
@Injectable()
export class DemoCitySeeder {
  private readonly logger = new Logger('DemoCity');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly orgs: OrgRepository,
    private readonly tx: TransactionRunner,
  ) {}

  /** Returns false when the database already has organizations (nothing is touched then). */
  async seed(): Promise<boolean> {
    if ((await this.orgs.count()) > 0) return false;
    // one hash for all: every demo user has the same password, and argon2id is slow on purpose
    const passwordHash = await hashPassword(this.config.demo.password);
    const now = new Date();
    await this.tx.run(async ({ manager: m }) => {
      const orgIds = new Map<string, string>();
      for (const o of DEMO_ORGS) orgIds.set(o.code, newId());
      await m.insert(
        OrgEntity,
        DEMO_ORGS.map((o, i) => ({
          id: orgIds.get(o.code)!,
          parentId: o.parent ? orgIds.get(o.parent)! : null,
          code: o.code,
          name: o.name,
          shortName: o.shortName,
          kind: o.kind,
          sortOrder: i * 10,
          createdAt: now,
          updatedAt: now,
        })),
      );
      await m.insert(
        GroupEntity,
        DEMO_GROUPS.map((g) => ({ code: g.code, name: g.name, orgId: g.org ? orgIds.get(g.org)! : null })),
      );
      for (const u of DEMO_USERS) {
        const user = newUser(
          {
            username: u.username,
            displayName: u.name,
            orgId: orgIds.get(u.org)!,
            position: u.position,
            passwordHash,
            mustChangePassword: false,
          },
          now,
        );
        user.clearance = DEMO_CLEARANCES[u.username] ?? 'none';
        const id = user.id;
        await m.insert(UserEntity, user);
        if (u.roles.length)
          await m.insert(
            UserRoleEntity,
            u.roles.map((role) => ({ userId: id, role })),
          );
        if (u.groups.length)
          await m.insert(
            GroupMemberEntity,
            u.groups.map((groupCode) => ({ userId: id, groupCode })),
          );
      }
    });
    this.logger.log(`seeded the demo city: ${DEMO_ORGS.length} organizations, ${DEMO_USERS.length} users`);
    return true;
  }
}
