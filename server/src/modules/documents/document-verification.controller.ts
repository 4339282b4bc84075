import { Controller, Get, Param } from '@nestjs/common';
import { type DocumentSignatureList, IdParamSchema, type RecordVerification, type SessionUser } from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.api';
import { DocumentSignatures } from './document-signatures';
import { DocumentVerifier } from './document-verification';

/** Whether a document's versions and current row are as written, and its 签发 signatures verify. */
@Controller('documents')
export class DocumentVerificationController {
  constructor(
    private readonly verifier: DocumentVerifier,
    private readonly signatures: DocumentSignatures,
  ) {}

  @Get(':id/verify')
  verify(@Param('id', validate(IdParamSchema)) id: string, @CurrentUser() user: SessionUser): Promise<RecordVerification> {
    return this.verifier.verify(id, user);
  }

  @Get(':id/signatures')
  signaturesOf(@Param('id', validate(IdParamSchema)) id: string, @CurrentUser() user: SessionUser): Promise<DocumentSignatureList> {
    return this.signatures.list(id, user);
  }
}
