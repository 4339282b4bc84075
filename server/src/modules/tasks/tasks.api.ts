// The tasks module's public surface for other modules.
export { OpinionSubjects, type WrittenOpinion } from './opinions';
export { CompletionVariables } from './completion-variables';
export { CompletionHooks, type CompletionHook, type CompletingTask } from './completion-hooks';
export { TasksModule } from './tasks.module';
