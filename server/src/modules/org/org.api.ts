// The org module's public surface for other modules.
export { likeEscape, pinyinKeys } from './pinyin';
export { OrgRepository } from './org.repository';
export { UserRepository } from './user.repository';
export { ClearanceRepository } from './clearance.repository';
export { UserChanges } from './user-changes';
export { UserEntity } from './user.entity';
export { orgLabels, type UserLabel, userLabels } from './org-labels';
export { OrgModule } from './org.module';
