import { OrganizationAndSignIn1796000000001 as MysqlOrg0001 } from './mysql/0001-organization-and-sign-in';
import { OrganizationAndSignIn1796000000001 as SqliteOrg0001 } from './sqlite/0001-organization-and-sign-in';
import { WorkingDayCalendar1796000000002 as MysqlCalendar0002 } from './mysql/0002-working-day-calendar';
import { WorkingDayCalendar1796000000002 as SqliteCalendar0002 } from './sqlite/0002-working-day-calendar';
import { Runtime1796000000003 as MysqlRuntime0003 } from './mysql/0003-runtime';
import { Runtime1796000000003 as SqliteRuntime0003 } from './sqlite/0003-runtime';
import { ExternalTasks1796000000004 as MysqlExternal0004 } from './mysql/0004-external-tasks';
import { ExternalTasks1796000000004 as SqliteExternal0004 } from './sqlite/0004-external-tasks';
import { Approvals1796000000005 as MysqlApprovals0005 } from './mysql/0005-approvals';
import { Approvals1796000000005 as SqliteApprovals0005 } from './sqlite/0005-approvals';
import { Notifications1796000000006 as MysqlNotifications0006 } from './mysql/0006-notifications';
import { Notifications1796000000006 as SqliteNotifications0006 } from './sqlite/0006-notifications';
import { Documents1796000000007 as MysqlDocuments0007 } from './mysql/0007-documents';
import { Documents1796000000007 as SqliteDocuments0007 } from './sqlite/0007-documents';
import { Mailbox1796000000008 as MysqlMailbox0008 } from './mysql/0008-mailbox';
import { Mailbox1796000000008 as SqliteMailbox0008 } from './sqlite/0008-mailbox';
import { Forms1796000000009 as MysqlForms0009 } from './mysql/0009-forms';
import { Forms1796000000009 as SqliteForms0009 } from './sqlite/0009-forms';
import { AdminSeparation1796000000010 as MysqlAdminSeparation0010 } from './mysql/0010-admin-separation';
import { AdminSeparation1796000000010 as SqliteAdminSeparation0010 } from './sqlite/0010-admin-separation';
import { ClearanceAndClassification1796000000011 as MysqlClearance0011 } from './mysql/0011-clearance-and-classification';
import { ClearanceAndClassification1796000000011 as SqliteClearance0011 } from './sqlite/0011-clearance-and-classification';
import { PersonalData1796000000012 as MysqlPersonalData0012 } from './mysql/0012-personal-data';
import { PersonalData1796000000012 as SqlitePersonalData0012 } from './sqlite/0012-personal-data';
import { ApiKeyScope1796000000013 as MysqlApiKeyScope0013 } from './mysql/0013-api-key-scope';
import { ApiKeyScope1796000000013 as SqliteApiKeyScope0013 } from './sqlite/0013-api-key-scope';
import { AuditTrail1796000000014 as MysqlAudit0014 } from './mysql/0014-audit-trail';
import { AuditTrail1796000000014 as SqliteAudit0014 } from './sqlite/0014-audit-trail';
import { SignInHardening1796000000015 as MysqlSignIn0015 } from './mysql/0015-sign-in-hardening';
import { SignInHardening1796000000015 as SqliteSignIn0015 } from './sqlite/0015-sign-in-hardening';
import { SecondFactor1796000000016 as MysqlSecondFactor0016 } from './mysql/0016-second-factor';
import { SecondFactor1796000000016 as SqliteSecondFactor0016 } from './sqlite/0016-second-factor';
import { RecordChains1796000000017 as MysqlRecordChains0017 } from './mysql/0017-record-chains';
import { RecordChains1796000000017 as SqliteRecordChains0017 } from './sqlite/0017-record-chains';
import { AddressThrottleWindow1796000000018 as MysqlAddressThrottle0018 } from './mysql/0018-address-throttle-window';
import { AddressThrottleWindow1796000000018 as SqliteAddressThrottle0018 } from './sqlite/0018-address-throttle-window';
import { AuditAnchor1796000000019 as MysqlAuditAnchor0019 } from './mysql/0019-audit-anchor';
import { AuditAnchor1796000000019 as SqliteAuditAnchor0019 } from './sqlite/0019-audit-anchor';
import { Signatures1796000000020 as MysqlSignatures0020 } from './mysql/0020-signatures';
import { Signatures1796000000020 as SqliteSignatures0020 } from './sqlite/0020-signatures';

/**
 * Migrations per dialect, listed explicitly (the server is bundled, so no glob loading).
 * Both lists must grow together: one file per dialect per step, same class name.
 */
export const MYSQL_MIGRATIONS = [
  MysqlOrg0001,
  MysqlCalendar0002,
  MysqlRuntime0003,
  MysqlExternal0004,
  MysqlApprovals0005,
  MysqlNotifications0006,
  MysqlDocuments0007,
  MysqlMailbox0008,
  MysqlForms0009,
  MysqlAdminSeparation0010,
  MysqlClearance0011,
  MysqlPersonalData0012,
  MysqlApiKeyScope0013,
  MysqlAudit0014,
  MysqlSignIn0015,
  MysqlSecondFactor0016,
  MysqlRecordChains0017,
  MysqlAddressThrottle0018,
  MysqlAuditAnchor0019,
  MysqlSignatures0020,
];
export const SQLITE_MIGRATIONS = [
  SqliteOrg0001,
  SqliteCalendar0002,
  SqliteRuntime0003,
  SqliteExternal0004,
  SqliteApprovals0005,
  SqliteNotifications0006,
  SqliteDocuments0007,
  SqliteMailbox0008,
  SqliteForms0009,
  SqliteAdminSeparation0010,
  SqliteClearance0011,
  SqlitePersonalData0012,
  SqliteApiKeyScope0013,
  SqliteAudit0014,
  SqliteSignIn0015,
  SqliteSecondFactor0016,
  SqliteRecordChains0017,
  SqliteAddressThrottle0018,
  SqliteAuditAnchor0019,
  SqliteSignatures0020,
];
