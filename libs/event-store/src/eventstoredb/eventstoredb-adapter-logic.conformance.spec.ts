import { eventStoreConformance } from '../testing';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { EsdbModel, type ServerVersion } from './testing/esdb-model';
import { EsdbStandIn } from './testing/esdb-stand-in';

// The adapter and the real client over loopback gRPC, answered by the in-memory server model of each
// supported version. No real server ran here: eventstoredb-event-store.conformance.spec.ts does that.
for (const version of ['24.10.0', '23.10.0'] satisfies ServerVersion[]) {
  let standIn: EsdbStandIn;
  eventStoreConformance({
    name: `EventStoreDB adapter over the stand-in (model of ${version})`,
    open: async () => {
      standIn = await EsdbStandIn.start(new EsdbModel(version));
      return EventStoreDbEventStore.connect(standIn.connectionString);
    },
    closed: async () => standIn.stop(),
  });
}
