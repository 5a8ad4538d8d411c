import type { ExpectedState } from './event-store.port';

/** Base of every error the port throws on purpose; `code` is stable for callers and HTTP mapping. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export type ActualState = 'no_stream' | number;

export class WrongExpectedRevision extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedState,
    readonly actual: ActualState,
  ) {
    super(`stream ${stream}: expected ${String(expected)}, actual ${String(actual)}`);
  }
}

export class StreamNotFound extends EventStoreError {
  readonly code = 'STREAM_NOT_FOUND';
  readonly stream: string;

  constructor(stream: string) {
    // Every new stream's first write reads it and gets this; capturing a stack each time was measurable.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`stream ${stream} not found`);
    Error.stackTraceLimit = limit;
    this.stream = stream;
  }
}

/** An event id already stored with other content, or at another place than this batch puts it. */
export class DuplicateEventId extends EventStoreError {
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(
    readonly eventId: string,
    readonly storedAt: { stream: string; revision: number },
  ) {
    super(
      `event id ${eventId} is already stored as ${storedAt.stream}@${storedAt.revision} with other content or position`,
    );
  }
}

/** A malformed request to the port; `field` names what is wrong. Nothing was written. */
export class InvalidArgument extends EventStoreError {
  readonly code = 'INVALID_ARGUMENT';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** A value that RFC 8785 canonical JSON cannot represent faithfully. */
export class NonCanonicalData extends EventStoreError {
  readonly code = 'NON_CANONICAL_DATA';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

export class EventTooLarge extends EventStoreError {
  readonly code = 'EVENT_TOO_LARGE';
  constructor(
    readonly eventId: string,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`event ${eventId} is ${bytes} bytes once canonical; the limit is ${limit}`);
  }
}

/** A whole append over the port's size limit (or the server's own, when that is lower). Nothing was written. */
export class AppendTooLarge extends EventStoreError {
  readonly code = 'APPEND_TOO_LARGE';
  constructor(
    readonly bytes: number,
    readonly limit: number,
    readonly refusedBy: 'the port' | 'the server' = 'the port',
  ) {
    super(`the append is ${bytes} bytes once canonical; ${refusedBy} allows ${limit} per append`);
  }
}

export class EventStoreUnavailable extends EventStoreError {
  readonly code = 'EVENT_STORE_UNAVAILABLE';
}
