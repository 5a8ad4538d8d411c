import 'reflect-metadata';
import { appConfigFromEnv } from './config/app.config';
import { createApp } from './create-app';

const main = async () => {
  const config = appConfigFromEnv();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
};

main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', message: error instanceof Error ? error.message : String(error) })}\n`,
  );
  process.exit(1);
});
