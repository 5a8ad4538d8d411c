import { eventStoreConformance } from '../testing';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { FakeEventStoreDbClient } from './testing/fake-eventstoredb-client';

// The adapter's own logic (sealing, retries, replays, positions, filters) against an in-memory
// client that behaves as EventStoreDB documents; the real server run is eventstoredb-event-store.conformance.spec.ts.
eventStoreConformance({
  name: 'EventStoreDB adapter over an in-memory client',
  open: async () => new EventStoreDbEventStore(new FakeEventStoreDbClient()),
});
