export { EsdbModel, systemRecords, type ServerVersion } from './esdb-model';
export { EsdbStandIn } from './esdb-stand-in';
export { EventStoreDbEventStore } from '../eventstoredb-event-store';
