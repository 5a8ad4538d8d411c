import { createEventStore, type EventStoreConfig } from '@ceasefire/event-store';
import { openReadModelDatabase, serveProjectionThread } from '@ceasefire/projections';
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import { readModelProjections } from './read-model-projections';

export interface ReadModelsThreadData {
  eventStore: EventStoreConfig;
  dataDir: string;
  ledgerOrigin: string;
}

const { eventStore, dataDir, ledgerOrigin } = workerData as ReadModelsThreadData;

void serveProjectionThread(async () => ({
  store: await createEventStore(eventStore),
  db: openReadModelDatabase(join(dataDir, 'read-models.sqlite')),
  projections: readModelProjections(ledgerOrigin),
}));
