// The runtime module's public surface for other modules (tasks).
export { CommandExecutor, type CommandContext } from './command-executor.service';
export { InstanceAccess, isWorkflowAdmin } from './instance-access';
export { InstanceRepository } from './instance.repository';
export { TaskRepository } from './task.repository';
export type { TaskCandidateEntity, TaskEntity } from './task.entity';
