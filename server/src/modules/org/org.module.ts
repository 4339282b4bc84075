import { GroupController } from './group.controller';
import { forwardRef, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.api';
import { OrgEntity } from './org.entity';
import { GroupEntity, GroupMemberEntity, UserEntity, UserRoleEntity } from './user.entity';
import { DemoCitySeeder } from './demo-city.seeder';
import { OrgController } from './org.controller';
import { OrgRepository } from './org.repository';
import { OrgService } from './org.service';
import { UserChanges } from './user-changes';
import { UserController } from './user.controller';
import { ClearanceController } from './clearance.controller';
import { ClearanceRepository } from './clearance.repository';
import { ClearanceService } from './clearance.service';
import { UserRepository } from './user.repository';
import { UserService } from './user.service';
import { UserContactEntity } from './user-contact.entity';
import { UserContactController } from './user-contact.controller';
import { UserContactService } from './user-contact.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([OrgEntity, UserEntity, UserRoleEntity, GroupEntity, GroupMemberEntity, UserContactEntity]),
    // audit → auth → org → audit: the audit module's controller takes its user from auth, which reads org
    forwardRef(() => AuditModule),
  ],
  controllers: [OrgController, GroupController, UserController, UserContactController, ClearanceController],
  providers: [
    OrgRepository,
    UserRepository,
    OrgService,
    UserService,
    DemoCitySeeder,
    UserChanges,
    UserContactService,
    ClearanceRepository,
    ClearanceService,
  ],
  exports: [OrgRepository, UserRepository, OrgService, UserService, DemoCitySeeder, UserChanges, ClearanceRepository],
})
export class OrgModule {}
