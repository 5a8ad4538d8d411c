export * from './port/event-store.port';
export * from './port/event-store.errors';
export * from './port/global-position';
export { canonicalBytes, canonicalText, toCanonicalValue } from './envelope/canonical-json';
export {
  ENVELOPE_VERSION,
  ENVELOPE_VERSIONS,
  type EventEnvelope,
  leafHash,
  parseEnvelope,
  ZERO_HASH,
} from './envelope/event-envelope';
export { verifyStreamChain, type ChainBreak } from './envelope/verify-stream-chain';
export { isUtcTime } from './envelope/utc-time';
export { categoryOf, MAX_APPEND_BYTES, MAX_EVENT_BYTES } from './append/prepare-append';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { useWriteAheadLog } from './sqlite/write-ahead-log';
export { createEventStore, eventStoreConfigFromEnv, type EventStoreConfig } from './create-event-store';
export { EventStoreModule } from './nest/event-store.module';
export { toObservable } from './subscription/to-observable';
export { DamagedDatabaseFile, openSqliteFile } from './sqlite/damaged-database';
