import { canonicalText, toCanonicalValue } from '../envelope/canonical-json';
import { InvalidArgument, NonCanonicalData } from '../port/event-store.errors';
import { isUtcTime } from '../envelope/utc-time';
import type { AppendOptions, EventMetadata, ExpectedState, JsonObject, NewEvent } from '../port/event-store.port';

/**
 * The port's size limits, the same for every adapter (docs/API.md, "Writes and reads"): an append's events, each
 * counted as its canonical bytes plus APPEND_OVERHEAD_BYTES for what a store keeps beside them, fit
 * in MAX_APPEND_BYTES, EventStoreDB's default maximum append size (data and metadata). A server
 * configured lower refuses with the same error. One event may use all of it.
 */
export const MAX_APPEND_BYTES = 1024 * 1024;
export const APPEND_OVERHEAD_BYTES = 256;
export const MAX_EVENT_BYTES = MAX_APPEND_BYTES - APPEND_OVERHEAD_BYTES;
export const MAX_BATCH_EVENTS = 10_000;

/** A validated, normalised append request; nothing about the stream's current state is known yet. */
export interface PreparedAppend {
  stream: string;
  category: string;
  expected: ExpectedState;
  events: PreparedEvent[];
}

export interface PreparedEvent {
  id: string;
  type: string;
  schemaVersion: number;
  recordedAt: string;
  data: JsonObject;
  metadata: EventMetadata;
  /** RFC 8785 text of `data` and `metadata`, computed once. */
  dataJson: string;
  metadataJson: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const STREAM = /^[A-Za-z][A-Za-z0-9_]*-[A-Za-z0-9_.:@-]{1,200}$/;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.]{0,127}$/;

/** `<category>-<id>`: the category is what EventStoreDB's $by_category would take. */
export const categoryOf = (stream: string): string => stream.slice(0, stream.indexOf('-'));

export const checkStreamName = (stream: unknown, field = 'stream'): string => {
  if (typeof stream !== 'string' || !STREAM.test(stream))
    throw new InvalidArgument(
      field,
      'must be "<category>-<id>": a letter-led category without "-", then an id of 1–200 safe characters',
    );
  return stream;
};

export const checkExpectedState = (expected: unknown): ExpectedState => {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return expected;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return expected;
  throw new InvalidArgument('expected', `unknown expected state ${JSON.stringify(expected) ?? String(expected)}`);
};

export const prepareAppend = (
  stream: unknown,
  events: unknown,
  options: AppendOptions | undefined,
  now: () => Date,
): PreparedAppend => {
  const name = checkStreamName(stream);
  const expected = checkExpectedState(options?.expected ?? 'any');
  if (!Array.isArray(events) || events.length === 0)
    throw new InvalidArgument('events', 'an append needs at least one event');
  if (events.length > MAX_BATCH_EVENTS)
    throw new InvalidArgument('events', `at most ${MAX_BATCH_EVENTS} events per append`);
  const seen = new Set<string>();
  const recordedAt = now().toISOString();
  const prepared = events.map((event: unknown, i) => {
    const e = prepareEvent(event, `events[${i}]`, recordedAt);
    if (seen.has(e.id)) throw new InvalidArgument(`events[${i}].id`, `event id ${e.id} appears twice in the batch`);
    seen.add(e.id);
    return e;
  });
  return { stream: name, category: categoryOf(name), expected, events: prepared };
};

const prepareEvent = (raw: unknown, field: string, defaultRecordedAt: string): PreparedEvent => {
  if (typeof raw !== 'object' || raw === null) throw new InvalidArgument(field, 'must be an object');
  const e = raw as Partial<NewEvent>;
  if (typeof e.id !== 'string' || !UUID.test(e.id))
    throw new InvalidArgument(`${field}.id`, 'must be a lower-case UUID');
  if (typeof e.type !== 'string' || !EVENT_TYPE.test(e.type))
    throw new InvalidArgument(`${field}.type`, 'must be a PascalCase name of letters, digits, "_" or "."');
  const schemaVersion = e.schemaVersion ?? 1;
  if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1)
    throw new InvalidArgument(`${field}.schemaVersion`, 'must be a positive integer');
  const recordedAt = e.recordedAt ?? defaultRecordedAt;
  if (!isUtcTime(recordedAt)) throw new InvalidArgument(`${field}.recordedAt`, 'must be an RFC 3339 UTC time');
  if (typeof e.data !== 'object' || e.data === null || Array.isArray(e.data))
    throw new InvalidArgument(`${field}.data`, 'must be a JSON object');
  if (e.metadata !== undefined && (typeof e.metadata !== 'object' || e.metadata === null || Array.isArray(e.metadata)))
    throw new InvalidArgument(`${field}.metadata`, 'must be a JSON object');
  const data = canonicalObject(e.data, `${field}.data`);
  const metadata = canonicalObject(e.metadata ?? {}, `${field}.metadata`) as EventMetadata;
  return {
    id: e.id,
    type: e.type,
    schemaVersion,
    recordedAt,
    data,
    metadata,
    dataJson: canonicalText(data),
    metadataJson: canonicalText(metadata as JsonObject),
  };
};

const canonicalObject = (value: object, path: string): JsonObject => {
  try {
    return toCanonicalValue(value, path) as JsonObject;
  } catch (err) {
    if (err instanceof NonCanonicalData) throw err;
    throw new NonCanonicalData(path, (err as Error).message);
  }
};
