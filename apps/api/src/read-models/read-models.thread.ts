import { createEventStore, type EventStoreConfig } from '@ceasefire/event-store';
import { openReadModelDatabase, serveProjectionThread } from '@ceasefire/projections';
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import { readModelProjections } from './read-model-projections';

export interface ReadModelsThreadData {
  eventStore: EventStoreConfig;
  readModelsDir: string;
  ledgerOrigin: string;
}

const { eventStore, readModelsDir, ledgerOrigin } = workerData as ReadModelsThreadData;

void serveProjectionThread(async () => ({
  store: await createEventStore(eventStore),
  db: openReadModelDatabase(join(readModelsDir, 'read-models.sqlite')),
  projections: readModelProjections(ledgerOrigin),
}));
