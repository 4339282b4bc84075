import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LetterEntity, LetterExtensionEntity } from './letter.entity';
import { CalendarModule } from '../calendar/calendar.api';
import { DefinitionsModule } from '../definitions/definitions.api';
import { RuntimeModule } from '../runtime/runtime.api';
import { LetterRepository } from './letter.repository';
import { LettersController, PublicLettersController } from './mailbox.controller';
import { MailboxService } from './mailbox.service';

/** 领导信箱: public letters with query codes, run by the shipped leader-mailbox process. */
@Module({
  imports: [TypeOrmModule.forFeature([LetterEntity, LetterExtensionEntity]), RuntimeModule, DefinitionsModule, CalendarModule],
  controllers: [PublicLettersController, LettersController],
  providers: [LetterRepository, MailboxService],
})
export class MailboxModule {}
