import { CalendarChangeEntity, CalendarDayEntity, CalendarVersionEntity, CalendarYearEntity } from '../../modules/calendar/calendar.entity';
import { SessionEntity } from '../../modules/auth/session.entity';
import { OrgEntity } from '../../modules/org/org.entity';
import { GroupEntity, GroupMemberEntity, UserEntity, UserRoleEntity } from '../../modules/org/user.entity';

/** Every entity the data source knows; modules add theirs here. */
export const ENTITIES = [
  OrgEntity,
  UserEntity,
  UserRoleEntity,
  GroupEntity,
  GroupMemberEntity,
  SessionEntity,
  CalendarDayEntity,
  CalendarYearEntity,
  CalendarVersionEntity,
  CalendarChangeEntity,
];
