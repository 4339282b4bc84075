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
import { Mailbox1796000000008 as MysqlMailbox0008 } from './mysql/0008-mailbox';
import { Mailbox1796000000008 as SqliteMailbox0008 } from './sqlite/0008-mailbox';
import { Documents1796000000007 as MysqlDocuments0007 } from './mysql/0007-documents';
import { Documents1796000000007 as SqliteDocuments0007 } from './sqlite/0007-documents';
import { Forms1796000000009 as MysqlForms0009 } from './mysql/0009-forms';
import { Forms1796000000009 as SqliteForms0009 } from './sqlite/0009-forms';
import { ClearanceAndClassification1796000000011 as MysqlClearance0011 } from './mysql/0011-clearance-and-classification';
import { ClearanceAndClassification1796000000011 as SqliteClearance0011 } from './sqlite/0011-clearance-and-classification';

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
  MysqlClearance0011,
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
  SqliteClearance0011,
];
