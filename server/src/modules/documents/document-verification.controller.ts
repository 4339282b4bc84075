import { Controller, Get, Param } from '@nestjs/common';
import { IdParamSchema, type RecordVerification, type SessionUser } from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.api';
import { DocumentVerifier } from './document-verification';

/** Whether a document's versions and current row are as written: `GET /documents/:id/verify`. */
@Controller('documents')
export class DocumentVerificationController {
  constructor(private readonly verifier: DocumentVerifier) {}

  @Get(':id/verify')
  verify(@Param('id', validate(IdParamSchema)) id: string, @CurrentUser() user: SessionUser): Promise<RecordVerification> {
    return this.verifier.verify(id, user);
  }
}
