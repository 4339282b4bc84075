import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionEntity } from './session.entity';
import { APP_GUARD } from '@nestjs/core';
import { OrgModule } from '../org/org.api';
import { AuditModule } from '../audit/audit.api';
import { AccessDeniedRecorder } from './access-denied.filter';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PasswordController } from './password.controller';
import { PasswordService } from './password.service';
import { SessionRepository } from './session.repository';
import { AccountLockout } from './lockout';
import { LockoutController } from './lockout.controller';
import { LoginThrottle } from './login-throttle';
import { PasswordHistory } from './password-history';
import { SecondFactorController } from './second-factor/second-factor.controller';
import { SECOND_FACTOR } from './second-factor/second-factor.port';
import { SecondFactorRepository } from './second-factor/second-factor.repository';
import { SecondFactorService } from './second-factor/second-factor.service';
import { TotpFactor } from './second-factor/totp-factor';

@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity]), OrgModule, AuditModule],
  controllers: [AuthController, PasswordController, LockoutController, SecondFactorController],
  providers: [
    AuthService,
    PasswordService,
    SessionRepository,
    AccountLockout,
    LoginThrottle,
    PasswordHistory,
    SecondFactorRepository,
    SecondFactorService,
    { provide: SECOND_FACTOR, useClass: TotpFactor },
    { provide: APP_GUARD, useClass: AuthGuard },
    // the app registers it as a global exception filter after HttpExceptionFilter (app.factory.ts)
    AccessDeniedRecorder,
  ],
  exports: [AuthService],
})
export class AuthModule {}
