// The same e2e cases with EVENT_STORE=eventstoredb, over the loopback stand-in and the server model.
import { itRunsOnEventStoreDb, onEventStoreDbStandIn } from '../support/test-api';
import '../bounded-reads.e2e.spec';

onEventStoreDbStandIn();
itRunsOnEventStoreDb();
