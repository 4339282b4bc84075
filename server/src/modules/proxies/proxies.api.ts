// The proxies module's public surface: the runtime resolves 代理 for the tasks it creates.
export { ProxiesModule } from './proxies.module';
export { ProxyResolver, type NewTask, type ProxyAssignment } from './proxy-resolver';
export { TaskProxyEntity } from './proxy.entity';
