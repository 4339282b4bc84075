import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './platform/config/config';
import { ConfigModule } from './platform/config/config.module';
import { CryptoModule } from './platform/crypto/crypto.module';
import { DatabaseModule } from './platform/database/database.module';
import { QueueModule } from './platform/queue/queue.module';
import { AuthModule } from './modules/auth/auth.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { HealthModule } from './modules/health/health.module';
import { OrgModule } from './modules/org/org.module';
import { DefinitionsModule } from './modules/definitions/definitions.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { RuntimeModule } from './modules/runtime/runtime.module';
import { TasksModule } from './modules/tasks/tasks.module';
import { ExternalTasksModule } from './modules/external-tasks/external-tasks.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { NotificationRemindersModule } from './modules/notifications/notification-reminders.module';
import { MailboxModule } from './modules/mailbox/mailbox.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { FormsModule } from './modules/forms/forms.module';
import { AuditConsoleModule } from './modules/audit/audit-console.module';
import { AuditModule } from './modules/audit/audit.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CryptoModule,
        DatabaseModule,
        QueueModule,
        OrgModule,
        AuthModule,
        HealthModule,
        CalendarModule,
        JobsModule,
        DefinitionsModule,
        RuntimeModule,
        TasksModule,
        ExternalTasksModule,
        NotificationsModule,
        NotificationRemindersModule,
        DocumentsModule,
        MailboxModule,
        FormsModule,
        AuditModule,
        AuditConsoleModule,
      ],
    };
  }
}
