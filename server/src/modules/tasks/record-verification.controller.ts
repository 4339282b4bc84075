import { Controller, Get, Param } from '@nestjs/common';
import { IdParamSchema, type RecordVerification, type SessionUser } from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.api';
import { RecordVerifier } from './record-verification.service';

/** Whether an instance's history and opinions are as written: `GET /instances/:id/verify`. */
@Controller('instances')
export class RecordVerificationController {
  constructor(private readonly verifier: RecordVerifier) {}

  @Get(':id/verify')
  verify(@Param('id', validate(IdParamSchema)) id: string, @CurrentUser() user: SessionUser): Promise<RecordVerification> {
    return this.verifier.verifyInstance(id, user);
  }
}
