import { newId } from '../../platform/ids/ids';
import { pinyinKeys } from './pinyin';
import { UserEntity } from './user.entity';

/** A new, enabled user row with its pinyin search keys; the one place users are born. */
export function newUser(
  fields: {
    username: string;
    displayName: string;
    orgId: string;
    position: string | null;
    passwordHash: string;
    /** true for an account given a one-time initial password; the demo city's users are seeded without it */
    mustChangePassword: boolean;
  },
  now: Date,
): UserEntity {
  return Object.assign(new UserEntity(), {
    id: newId(),
    ...fields,
    ...pinyinKeys(fields.displayName),
    enabled: true,
    clearance: 'none',
    failedLogins: 0,
    lockedUntil: null,
    createdAt: now,
    updatedAt: now,
  });
}
