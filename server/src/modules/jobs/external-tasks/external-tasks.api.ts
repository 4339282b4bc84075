// This module's public surface for other modules.
export { ApiKeyEntity } from './external-task.entity';
export { ApiKeyRepository } from './external-task.repository';
