// The audit module's public surface: record events (in the caller's unit of work, or alone) and build their context.
// AuditModule (the write side) comes last; the read side, AuditConsoleModule, is not exported: it names
// actors and targets through the other modules' *.api.ts, which import this file.
export { AuditTrail } from './audit-trail.service';
export { type AuditContext, type AuditEventInput, SYSTEM_AUDIT } from './audit-event';
export { auditContextOf, RequestAudit } from './audit-context';
export { AuditModule } from './audit.module';
