import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  type Captcha,
  type CreateLetter,
  CreateLetterSchema,
  IdParamSchema,
  type Letter,
  type LetterList,
  type LetterQuery,
  LetterQuerySchema,
  type LetterReceipt,
  type PublicLetter,
  PublishLetterSchema,
  type ReplyLetter,
  ReplyLetterSchema,
  type RequestExtension,
  RequestExtensionSchema,
  type SessionUser,
} from '@liuzhuan/contracts';
import * as z from 'zod';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser, Public, RequireRoles } from '../auth/auth.api';
import { MailboxService } from './mailbox.service';
import { CaptchaService } from './captcha.service';

/** A query code as issued (base64url); anything else is refused before a lookup. */
const QueryCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'not a valid query code');

/** 领导信箱 for the public: write a letter, look it up with the query code. No sign-in. */
@Controller('public/letters')
@Public()
export class PublicLettersController {
  constructor(private readonly mailbox: MailboxService) {}

  @Post()
  @HttpCode(201)
  submit(@Body(validate(CreateLetterSchema)) body: CreateLetter, @Req() request: FastifyRequest): Promise<LetterReceipt> {
    return this.mailbox.submit(body, request.ip);
  }

  @Get(':code')
  view(@Param('code', validate(QueryCodeSchema)) code: string): Promise<PublicLetter> {
    return this.mailbox.publicView(code);
  }
}

/** The captcha of the public letter form, drawn by the server. */
@Controller('public/captcha')
@Public()
export class PublicCaptchaController {
  constructor(private readonly captcha: CaptchaService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  issue(): Promise<Captcha> {
    return this.captcha.issue();
  }
}

/** 领导信箱 for the office and the handling department. */
@Controller('letters')
export class LettersController {
  constructor(private readonly mailbox: MailboxService) {}

  @Get()
  @RequireRoles('clerk', 'leader', 'workflow_admin')
  list(@Query(validate(LetterQuerySchema)) query: LetterQuery, @CurrentUser() user: SessionUser): Promise<LetterList> {
    return this.mailbox.list(query, user);
  }

  @Get(':id')
  get(@Param('id', validate(IdParamSchema)) id: string, @CurrentUser() user: SessionUser): Promise<Letter> {
    return this.mailbox.get(id, user);
  }

  @Post(':id/extensions')
  @HttpCode(201)
  extend(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(RequestExtensionSchema)) body: RequestExtension,
    @CurrentUser() user: SessionUser,
  ): Promise<Letter> {
    return this.mailbox.requestExtension(id, body, user);
  }

  @Post(':id/reply')
  @HttpCode(200)
  reply(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(ReplyLetterSchema)) body: ReplyLetter,
    @CurrentUser() user: SessionUser,
  ): Promise<Letter> {
    return this.mailbox.reply(id, body, user);
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(PublishLetterSchema)) _body: unknown,
    @CurrentUser() user: SessionUser,
  ): Promise<Letter> {
    return this.mailbox.publish(id, user);
  }
}
