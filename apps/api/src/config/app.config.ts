import { eventStoreConfigFromEnv, type EventStoreConfig } from '@ceasefire/event-store';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  eventStore: EventStoreConfig;
}

/** Reads the environment once, at boot; a bad value stops the process with the variable named. */
export const appConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a TCP port number, not "${env.PORT}"`);
  const eventStore = eventStoreConfigFromEnv(env);
  return { port, host: env.HOST ?? '0.0.0.0', dataDir: eventStore.dataDir, eventStore };
};
