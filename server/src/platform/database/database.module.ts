import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { createDataSource, migrate } from './data-source';
import { Tables } from './table';
import { TransactionRunner } from './transaction-runner';

@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const dataSource = createDataSource(config.database);
        await dataSource.initialize();
        const applied = await migrate(dataSource);
        if (applied.length) new Logger('Database').log(`applied migrations: ${applied.join(', ')}`);
        return dataSource;
      },
    },
    TransactionRunner,
    { provide: Tables, inject: [DataSource], useFactory: (dataSource: DataSource) => new Tables(dataSource) },
  ],
  exports: [DataSource, TransactionRunner, Tables],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
