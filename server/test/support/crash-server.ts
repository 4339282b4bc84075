import 'reflect-metadata';
import { createApp } from '../../src/app.factory';
import { outboxTestHooks } from '../../src/modules/jobs/job-outbox';
import { loadConfig } from '../../src/platform/config/config';

/**
 * A real server process for the crash suite: it kills itself with SIGKILL right after the
 * first commit that has jobs to push, i.e. between commit and queue push.
 */
async function main(): Promise<void> {
  const app = await createApp(loadConfig());
  outboxTestHooks.beforePush = () => process.kill(process.pid, 'SIGKILL');
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`LISTENING ${(app.getHttpServer().address() as { port: number }).port}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
