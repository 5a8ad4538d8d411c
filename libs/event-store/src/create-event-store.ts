import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgument } from './port/event-store.errors';
import type { EventStore } from './port/event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export interface EventStoreConfig {
  kind: 'sqlite' | 'eventstoredb';
  dataDir: string;
  connectionString?: string;
}

export const eventStoreConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): EventStoreConfig => {
  const kind = env.EVENT_STORE ?? 'sqlite';
  if (kind !== 'sqlite' && kind !== 'eventstoredb')
    throw new InvalidArgument('EVENT_STORE', `must be "sqlite" or "eventstoredb", not "${kind}"`);
  if (kind === 'eventstoredb' && !env.EVENTSTORE_CONNECTION_STRING)
    throw new InvalidArgument('EVENTSTORE_CONNECTION_STRING', 'is required when EVENT_STORE=eventstoredb');
  return { kind, dataDir: env.DATA_DIR ?? './data', connectionString: env.EVENTSTORE_CONNECTION_STRING };
};

/** The EventStoreDB client (gRPC) is loaded only when that adapter is chosen. */
export const createEventStore = async (config: EventStoreConfig): Promise<EventStore> => {
  if (config.kind === 'eventstoredb') {
    const { EventStoreDbEventStore } = await import('./eventstoredb/eventstoredb-event-store');
    return EventStoreDbEventStore.connect(config.connectionString as string);
  }
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore({ path: join(config.dataDir, 'events.sqlite') });
};
