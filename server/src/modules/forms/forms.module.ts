import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FormEntity } from './form.entity';
import { FormRepository } from './form.repository';
import { FormsController } from './forms.controller';
import { FormsService } from './forms.service';

/** Task forms (form-js schemas keyed by `oa:formKey`), versioned; the shipped ones are deployed by ShippedWorkflows. */
@Module({
  imports: [TypeOrmModule.forFeature([FormEntity])],
  controllers: [FormsController],
  providers: [FormRepository, FormsService],
  exports: [FormsService],
})
export class FormsModule {}
