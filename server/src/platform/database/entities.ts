import { CalendarChangeEntity, CalendarDayEntity, CalendarVersionEntity, CalendarYearEntity } from '../../modules/calendar/calendar.entity';
import { DefinitionEntity, DeploymentEntity, EventSubscriptionEntity } from '../../modules/definitions/definition.entity';
import { JobEntity } from '../../modules/jobs/job.entity';
import { NotificationEntity } from '../../modules/notifications/notification.entity';
import { ApiKeyEntity, ExternalTaskEntity } from '../../modules/jobs/external-tasks/external-task.entity';
import { HistoryEventEntity, InstanceEntity } from '../../modules/runtime/instance.entity';
import { TaskCandidateEntity, TaskEntity } from '../../modules/runtime/task.entity';
import { CcCopyEntity } from '../../modules/runtime/task.entity';
import { TaskProxyEntity } from '../../modules/proxies/proxy.entity';
import { OpinionEntity } from '../../modules/tasks/opinion.entity';
import { PhraseEntity } from '../../modules/tasks/phrase.entity';
import { UrgeEntity } from '../../modules/tasks/urge.entity';
import { SessionEntity } from '../../modules/auth/session.entity';
import { CaptchaEntity, LetterEntity, LetterExtensionEntity } from '../../modules/mailbox/letter.entity';
import { UserContactEntity } from '../../modules/org/user-contact.entity';
import { OrgEntity } from '../../modules/org/org.entity';
import { FormEntity } from '../../modules/forms/form.entity';
import { GroupEntity, GroupMemberEntity, UserEntity, UserRoleEntity } from '../../modules/org/user.entity';

import { DOCUMENT_ENTITIES } from '../../modules/documents/document.entity';

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
  DeploymentEntity,
  DefinitionEntity,
  EventSubscriptionEntity,
  InstanceEntity,
  HistoryEventEntity,
  TaskEntity,
  TaskCandidateEntity,
  JobEntity,
  ExternalTaskEntity,
  ApiKeyEntity,
  OpinionEntity,
  TaskProxyEntity,
  CcCopyEntity,
  UrgeEntity,
  PhraseEntity,
  NotificationEntity,
  ...DOCUMENT_ENTITIES,
  LetterEntity,
  LetterExtensionEntity,
  FormEntity,
  CaptchaEntity,
  UserContactEntity,
];
