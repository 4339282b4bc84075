import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionEntity } from './session.entity';
import { APP_GUARD } from '@nestjs/core';
import { OrgModule } from '../org/org.api';
import { AuditModule } from '../audit/audit.api';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PasswordController } from './password.controller';
import { PasswordService } from './password.service';
import { SessionRepository } from './session.repository';
import { SecondFactorController } from './second-factor/second-factor.controller';
import { SECOND_FACTOR } from './second-factor/second-factor.port';
import { SecondFactorRepository } from './second-factor/second-factor.repository';
import { SecondFactorService } from './second-factor/second-factor.service';
import { TotpFactor } from './second-factor/totp-factor';

@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity]), OrgModule, AuditModule],
  controllers: [AuthController, PasswordController, SecondFactorController],
  providers: [
    AuthService,
    PasswordService,
    SessionRepository,
    SecondFactorRepository,
    SecondFactorService,
    { provide: SECOND_FACTOR, useClass: TotpFactor },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
