// The tasks module's public surface for other modules.
export { OpinionSubjects } from './opinions';
export { CompletionHooks, type CompletionHook, type CompletingTask } from './completion-hooks';
export { TasksModule } from './tasks.module';
