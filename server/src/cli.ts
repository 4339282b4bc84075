import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { DemoCitySeeder } from './modules/org/demo-city.seeder';
import { ConfigError, loadConfig } from './platform/config/config';

/** `node dist/server/cli.js migrate|seed-demo`: migrations run when the data source opens. */
async function main(command: string | undefined): Promise<void> {
  if (command !== 'migrate' && command !== 'seed-demo') {
    console.error('usage: cli.js migrate | seed-demo');
    process.exit(2);
  }
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn', 'log'] });
  if (command === 'seed-demo') {
    const seeded = await app.get(DemoCitySeeder).seed();
    console.log(seeded ? 'demo city seeded' : 'the database already has organizations: nothing seeded');
  } else {
    console.log(`migrations are up to date on ${config.database.kind}`);
  }
  await app.close();
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
