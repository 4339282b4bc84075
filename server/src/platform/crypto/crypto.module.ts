import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { KeyStore } from './key-store';

/** The configured data keys (KeyStore), for every module: personal data, and signing keys later. */
@Global()
@Module({
  providers: [{ provide: KeyStore, inject: [APP_CONFIG], useFactory: (config: AppConfig) => KeyStore.load(config) }],
  exports: [KeyStore],
})
export class CryptoModule {}
