// The tasks module's public surface for other modules.
export { OpinionSubjects } from './opinions';
export { TasksModule } from './tasks.module';
