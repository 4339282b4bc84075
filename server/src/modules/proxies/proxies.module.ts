import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.api';
import { OrgModule } from '../org/org.api';
import { ProxiesController } from './proxies.controller';
import { ProxiesService } from './proxies.service';
import { ProxyResolver } from './proxy-resolver';
import { ProxyRepository } from './proxy.repository';

/**
 * 代理 (proxies): a principal's new tasks go to a deputy while a date window lasts. Its own module
 * because the runtime resolves proxies whenever it creates tasks, and the runtime sits below the
 * tasks module: kept in tasks, the runtime would depend on the module that depends on it.
 */
@Module({
  imports: [OrgModule, AuditModule],
  controllers: [ProxiesController],
  providers: [ProxyRepository, ProxyResolver, ProxiesService],
  exports: [ProxyResolver],
})
export class ProxiesModule {}
