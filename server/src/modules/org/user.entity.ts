import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@liuzhuan/contracts';

/** A person who signs in. The username is the login id: unique and never reused. */
@Entity('app_user')
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 40 })
  displayName: string;

  /** full pinyin without tones or spaces, surname-aware (曾 → zeng), for search */
  @Column({ type: 'varchar', length: 200 })
  pinyin: string;

  /** pinyin initials, e.g. zxm for 张晓明 */
  @Column({ type: 'varchar', length: 40 })
  initials: string;

  @Column({ name: 'org_id', type: 'varchar', length: 26 })
  orgId: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  position: string | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'boolean' })
  enabled: boolean;

  /** 涉密等级: none | general | important | core (set only by the security admin) */
  @Column({ type: 'varchar', length: 12, default: 'none' })
  clearance: string;

  @Column({ name: 'failed_logins', type: 'int' })
  failedLogins: number;

  @Column({ name: 'locked_until', type: 'datetime', nullable: true })
  lockedUntil: Date | null;

  /** when the failures counted in `failedLogins` began (auth/lockout.ts); null: none counted */
  @Column({ name: 'login_window_start', type: 'datetime', nullable: true })
  loginWindowStart?: Date | null;

  /** when the password was last set; null: at `createdAt` (expiry, auth/password-expiry.ts) */
  @Column({ name: 'password_changed_at', type: 'datetime', nullable: true })
  passwordChangedAt?: Date | null;

  /** the password was set by someone else (initial or reset): sign-in gives a change-only token */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}

@Entity('user_role')
export class UserRoleEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 26 })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  role: Role;
}

/** A named group of users, e.g. the office's clerks; process models assign tasks to groups. */
@Entity('user_group')
export class GroupEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'org_id', type: 'varchar', length: 26, nullable: true })
  orgId: string | null;
}

@Entity('group_member')
export class GroupMemberEntity {
  @PrimaryColumn({ name: 'group_code', type: 'varchar', length: 64 })
  groupCode: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 26 })
  userId: string;
}
