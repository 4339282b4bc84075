import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { type CreatePhrase, CreatePhraseSchema, IdParamSchema, type Phrase, type PhraseList, type SessionUser } from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.api';
import { PhrasesService } from './phrases.service';

/** 常用语: common phrases for opinions. */
@Controller('phrases')
export class PhrasesController {
  constructor(private readonly phrases: PhrasesService) {}

  @Get()
  list(@CurrentUser() user: SessionUser): Promise<PhraseList> {
    return this.phrases.list(user);
  }

  @Post()
  @HttpCode(201)
  add(@Body(validate(CreatePhraseSchema)) body: CreatePhrase, @CurrentUser() user: SessionUser): Promise<Phrase> {
    return this.phrases.add(body, user);
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@Param('id', validate(IdParamSchema)) id: string, @CurrentUser() user: SessionUser): Promise<void> {
    await this.phrases.delete(id, user);
  }
}
