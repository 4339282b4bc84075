import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { FILE_STORAGE, type FileStorage } from './file-storage';
import { LocalFileStorage } from './local-file-storage';

/** The one place that picks the storage driver from the configuration (local filesystem for now). */
export function createFileStorage(config: AppConfig): FileStorage {
  return new LocalFileStorage(config.dataDir);
}

@Module({
  providers: [{ provide: FILE_STORAGE, inject: [APP_CONFIG], useFactory: createFileStorage }],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
