import { Controller, Get } from '@nestjs/common';
import type { GroupList } from '@liuzhuan/contracts';
import { UserService } from './user.service';

/** The groups (用户组) by name, for every signed-in user: the client shows a candidate group by its name. */
@Controller('org/groups')
export class GroupController {
  constructor(private readonly users: UserService) {}

  @Get()
  list(): Promise<GroupList> {
    return this.users.groups();
  }
}
