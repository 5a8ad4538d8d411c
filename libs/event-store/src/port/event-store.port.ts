import type { GlobalPosition } from './global-position';

/** DI token for the one event store of the process. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * Expected state of the stream before an append, as in EventStoreDB:
 * a number is the 0-based revision of the stream's last event.
 */
export type ExpectedState = 'any' | 'no_stream' | 'stream_exists' | number;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  /** Who caused the event: the acting principal's id. */
  principal?: string;
  [key: string]: JsonValue | undefined;
}

export interface NewEvent {
  /**
   * A UUID chosen by the caller; retrying with the same id in the same stream never duplicates the
   * event, whatever the expected state. SQLite also refuses the id in another stream; EventStoreDB
   * keeps no index of ids, so there an id reused in another stream is a new event.
   */
  id: string;
  type: string;
  data: JsonObject;
  metadata?: EventMetadata;
  schemaVersion?: number;
  /** RFC 3339 time the command was accepted; the store's clock when absent. */
  recordedAt?: string;
}

export interface RecordedEvent {
  eventId: string;
  stream: string;
  revision: number;
  position: GlobalPosition;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: EventMetadata;
  recordedAt: string;
  /** Hex SHA-256(0x00 ‖ canonical envelope): the event's RFC 6962 leaf hash. */
  hash: string;
  /** Hex hash of the stream's previous event; 64 zeros at revision 0. */
  prevHash: string;
  /** The RFC 8785 envelope exactly as written; its UTF-8 bytes are what was hashed. */
  canonical: string;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append (pass it as the next expected state). */
  nextExpectedRevision: number;
  /** Global position of the batch's last event. */
  position: GlobalPosition;
  events: { eventId: string; revision: number; position: GlobalPosition; hash: string }[];
}

export interface AppendOptions {
  expected?: ExpectedState;
}

export interface ReadStreamOptions {
  /** Revision to start from (inclusive); defaults to the first event, or the last when reading backwards. */
  from?: number;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

export interface EventFilter {
  /** Stream categories: the part of the stream name before the first '-'. */
  categories?: string[];
  eventTypes?: string[];
}

export interface ReadAllOptions {
  /** Start after this position; the start of the log when absent. */
  fromExclusive?: GlobalPosition;
  filter?: EventFilter;
  maxCount?: number;
}

export interface SubscribeAllOptions {
  fromExclusive?: GlobalPosition;
  filter?: EventFilter;
  /** Aborting ends the iteration cleanly. */
  signal?: AbortSignal;
}

/**
 * What a catch-up subscription yields. Checkpoints advance past filtered-out events,
 * so a consumer's checkpoint keeps moving even when nothing it handles arrives.
 */
export type SubscriptionMessage =
  | { kind: 'event'; event: RecordedEvent }
  | { kind: 'checkpoint'; position: GlobalPosition }
  | { kind: 'caughtUp'; position: GlobalPosition | undefined };

/** What an adapter can tell about itself for /health. */
export interface StoreDiagnostics {
  serverVersion?: string;
  /** Records in user streams that are not events of this log (another application's), skipped by reads and subscriptions. */
  skippedForeignEvents: number;
}

export interface EventStore {
  readonly kind: 'sqlite' | 'eventstoredb';
  append(stream: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /** Throws StreamNotFound when the stream has no events. */
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeAll(options?: SubscribeAllOptions): AsyncIterable<SubscriptionMessage>;
  /** Position of the last event in the log, undefined when the log is empty. */
  headPosition(): Promise<GlobalPosition | undefined>;
  diagnostics(): StoreDiagnostics;
  /**
   * Stores whose subscriptions poll (SQLite) say when this connection committed, and can be told that
   * another connection did, so subscribers on another thread look at once instead of at their next
   * poll. Stores that push to subscribers (EventStoreDB) leave these out.
   */
  onCommit?(listener: () => void): () => void;
  wake?(): void;
  close(): Promise<void>;
}
