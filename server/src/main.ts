import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './platform/config/config';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  Logger.log(
    `Liuzhuan listening on http://localhost:${config.port} (db: ${config.database.kind}, queue: ${config.queue.kind}, demo: ${config.demo.enabled ? 'on' : 'off'})`,
    'Bootstrap',
  );
}

bootstrap().catch((error: unknown) => {
  // a configuration problem is the operator's to fix: print it plainly, without a stack
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
