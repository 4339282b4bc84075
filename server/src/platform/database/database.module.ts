import { Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { dataSourceOptions, migrate } from './data-source';
import { Tables } from './table';
import { TransactionRunner } from './transaction-runner';

/**
 * The one data source of the process, opened by `TypeOrmModule` from the typed config. It is
 * migrated as it opens, before any repository can use it: serialized between processes on MySQL
 * (see {@link migrate}), so `cli.js migrate`, the API and the worker all take the same path.
 * Modules register their entities' repositories with `TypeOrmModule.forFeature`.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): TypeOrmModuleOptions => ({
        ...dataSourceOptions(config.database),
        // a database that cannot be opened or migrated stops the boot at once, as it always did
        toRetry: () => false,
      }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options as DataSourceOptions).initialize();
        const applied = await migrate(dataSource);
        if (applied.length) new Logger('Database').log(`applied migrations: ${applied.join(', ')}`);
        return dataSource;
      },
    }),
  ],
  providers: [TransactionRunner, { provide: Tables, inject: [DataSource], useFactory: (dataSource: DataSource) => new Tables(dataSource) }],
  exports: [TransactionRunner, Tables],
})
export class DatabaseModule {}
