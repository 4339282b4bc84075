// The definitions module's public surface for other modules.
export { EventSubscriptionEntity, type DefinitionHead } from './definition.entity';
export { DefinitionRepository, SubscriptionRepository } from './definition.repository';
export { ProcessCache } from './process-cache';
export { definitionLabel, definitionLabels } from './definition-labels';
export { DefinitionsModule } from './definitions.module';
