import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionEntity } from './session.entity';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { OrgModule } from '../org/org.api';
import { AuditModule } from '../audit/audit.api';
import { AccessDeniedRecorder } from './access-denied.interceptor';
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

@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity]), OrgModule, AuditModule],
  controllers: [AuthController, PasswordController, LockoutController],
  providers: [
    AuthService,
    PasswordService,
    SessionRepository,
    AccountLockout,
    LoginThrottle,
    PasswordHistory,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: AccessDeniedRecorder },
  ],
  exports: [AuthService],
})
export class AuthModule {}
