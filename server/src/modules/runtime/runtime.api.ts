// The runtime module's public surface for other modules.
export { CallerAuthority } from './caller-authority';
export { EligiblePeople } from './eligible-people';
export { EligibilityErrors } from './runtime.errors';
export { CommandExecutor, type CommandContext } from './command-executor.service';
export { InstanceAccess, type InstanceView, isWorkflowAdmin } from './instance-access';
export { InstanceClassification } from './instance-classification';
export { InstanceRepository } from './instance.repository';
export { openedTasks } from './next-task';
export { hasFilters, TaskRepository } from './task.repository';
export { documentJoin, type MatterDisplay, matterColumns, matterOf } from './matter-display';
export { CcCopyEntity, TaskCandidateEntity, TaskEntity, type TaskSigning } from './task.entity';
export { InstanceEntity } from './instance.entity';
export type { TasksCreatedHook } from './command-executor.service';
export type { ProjectionContext } from './task-projection';
export { RuntimeModule } from './runtime.module';
export { historyCanonical } from './history-chain';
export { instanceLabels, taskLabels } from './runtime-labels';
