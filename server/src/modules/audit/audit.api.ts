// The audit module's public surface: record events (in the caller's unit of work, or alone) and build their context.
// AuditModule comes last: its controller imports the auth module, whose services import this file back,
// and by then the recorder must already be defined here.
export { AuditTrail } from './audit-trail.service';
export { type AuditContext, type AuditEventInput, SYSTEM_AUDIT } from './audit-event';
export { auditContextOf, RequestAudit } from './audit-context';
export { AuditModule } from './audit.module';
