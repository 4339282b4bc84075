export * from './errors';
export * from './auth';
export * from './org';
export * from './health';
export * from './routes';
export * from './calendar';
export * from './runtime';
