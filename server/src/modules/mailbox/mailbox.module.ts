import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaptchaEntity, LetterEntity, LetterExtensionEntity } from './letter.entity';
import { CaptchaRepository } from './captcha.repository';
import { CaptchaService } from './captcha.service';
import { LetterPersonalDataSealer } from './letter-personal-data';
import { CalendarModule } from '../calendar/calendar.api';
import { DefinitionsModule } from '../definitions/definitions.api';
import { RuntimeModule } from '../runtime/runtime.api';
import { LetterRepository } from './letter.repository';
import { LettersController, PublicCaptchaController, PublicLettersController } from './mailbox.controller';
import { MailboxService } from './mailbox.service';

/** 领导信箱: public letters with query codes, run by the shipped leader-mailbox process. */
@Module({
  imports: [
    TypeOrmModule.forFeature([LetterEntity, LetterExtensionEntity, CaptchaEntity]),
    RuntimeModule,
    DefinitionsModule,
    CalendarModule,
  ],
  controllers: [PublicLettersController, PublicCaptchaController, LettersController],
  providers: [LetterRepository, MailboxService, CaptchaRepository, CaptchaService, LetterPersonalDataSealer],
})
export class MailboxModule {}
