import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.api';
import { ServerKeySigner } from './server-key-signer';
import { SIGNER } from './signer.port';
import { SigningKeyRepository } from './signing-key.repository';

/** Electronic signatures: the {@link SIGNER} port, driven by the server-held SM2 keys until a UKey/CA driver replaces it. */
@Module({
  imports: [AuditModule],
  providers: [SigningKeyRepository, ServerKeySigner, { provide: SIGNER, useExisting: ServerKeySigner }],
  exports: [SIGNER],
})
export class SigningModule {}
