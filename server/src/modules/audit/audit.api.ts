// The audit module's public surface: record events (in the caller's unit of work, or alone) and build their context.
export { AuditModule } from './audit.module';
export { AuditTrail } from './audit-trail.service';
export { type AuditContext, type AuditEventInput, SYSTEM_AUDIT } from './audit-event';
export { auditContextOf, RequestAudit } from './audit-context';
