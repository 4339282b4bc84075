import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  type DefinitionEligibleQuery,
  DefinitionEligibleQuerySchema,
  type EligibleQuery,
  EligibleQuerySchema,
  type EligibleStep,
  IdParamSchema,
  type NextStepList,
  type SessionUser,
} from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.api';
import { NextHandlers } from './next-handlers';

/** The people a step may go to (签发人, 会签人, 选择下一步办理人), by the model's rule. */
@Controller()
export class EligibleController {
  constructor(private readonly next: NextHandlers) {}

  @Get('tasks/:id/eligible')
  forTask(
    @Param('id', validate(IdParamSchema)) id: string,
    @Query(validate(EligibleQuerySchema)) query: EligibleQuery,
    @CurrentUser() user: SessionUser,
  ): Promise<EligibleStep> {
    return this.next.forTask(id, query, user);
  }

  @Get('tasks/:id/next-steps')
  nextSteps(@Param('id', validate(IdParamSchema)) id: string, @CurrentUser() user: SessionUser): Promise<NextStepList> {
    return this.next.nextSteps(id, user);
  }

  @Get('eligible')
  forDefinition(
    @Query(validate(DefinitionEligibleQuerySchema)) query: DefinitionEligibleQuery,
    @CurrentUser() user: SessionUser,
  ): Promise<EligibleStep> {
    return this.next.forDefinition(query, user);
  }
}
