export * from './errors';
// zod-free modules are exported from here, not through the schema modules that use them: a
// re-export would bring a schema module (and zod) into the client's first load.
export * from './roles';
export * from './auth';
export * from './org';
export * from './health';
export * from './routes';
export * from './calendar';
export * from './runtime';
export * from './approvals';
export * from './eligibility';
export * from './documents';
export * from './document-labels';
export * from './notifications';
export * from './mailbox';
export * from './forms';
export * from './audit';
export * from './user-contact';
export * from './document-rules';
export * from './reserved-variables';
export * from './clearance.levels';
export * from './clearance.errors';
export * from './clearance';
export * from './clearance.routes';
export * from './record-verification';
export * from './second-factor';
export * from './second-factor.routes';
