import { createEventStore } from '../create-event-store';
import { eventStoreConformance } from '../testing';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

eventStoreConformance({
  name: 'EventStoreDB',
  open: connectionString ? () => createEventStore({ kind: 'eventstoredb', dataDir: '', connectionString }) : undefined,
  skippedBecause: 'EVENTSTORE_CONNECTION_STRING is not set, so the EventStoreDB adapter was not exercised',
});
