import { Body, Controller, Get, HttpCode, Param, Put } from '@nestjs/common';
import { type Form, type FormList, FormKeySchema, type SessionUser } from '@liuzhuan/contracts';
import * as z from 'zod';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser, RequireRoles } from '../auth/auth.api';
import { FormsService } from './forms.service';

/**
 * The body of PUT /forms/:key: exactly `{ schema }`. The schema itself is checked by the service
 * (size, depth, prototype keys, then the form-js shape) before zod copies anything.
 */
const SaveFormBodySchema = z
  .strictObject({ schema: z.unknown() })
  .refine((b) => b.schema !== undefined, { message: 'schema is required', path: ['schema'] });

/** Task forms: anyone signed in reads them (task pages render them); workflow admins save new versions. */
@Controller('forms')
export class FormsController {
  constructor(private readonly forms: FormsService) {}

  @Get()
  list(): Promise<FormList> {
    return this.forms.list();
  }

  @Get(':key')
  get(@Param('key', validate(FormKeySchema)) key: string): Promise<Form> {
    return this.forms.get(key);
  }

  @Put(':key')
  @HttpCode(200)
  @RequireRoles('workflow_admin')
  save(
    @Param('key', validate(FormKeySchema)) key: string,
    @Body(validate(SaveFormBodySchema)) body: { schema: unknown },
    @CurrentUser() user: SessionUser,
  ): Promise<Form> {
    return this.forms.save(key, body.schema, user.username);
  }
}
