import { Controller, Get, Query } from '@nestjs/common';
import { type DocNumberList, type DocNumberQuery, DocNumberQuerySchema } from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { RequireRoles } from '../auth/auth.api';
import { DocNumberService } from './doc-number.service';

/** `GET /doc-numbers`: the 发文字号 handed out, for the clerks who keep the series (e.g. `?status=voided`). */
@Controller('doc-numbers')
export class DocNumbersController {
  constructor(private readonly numbers: DocNumberService) {}

  @Get()
  @RequireRoles('clerk')
  list(@Query(validate(DocNumberQuerySchema)) query: DocNumberQuery): Promise<DocNumberList> {
    return this.numbers.list(query);
  }
}
