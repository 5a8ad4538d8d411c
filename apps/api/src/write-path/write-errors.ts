/** If-Match named a revision the stream is no longer (or not yet) at: 412. */
export class PreconditionFailed extends Error {
  readonly code = 'PRECONDITION_FAILED';
  constructor(
    readonly expected: number,
    readonly actual: number | 'no_stream',
  ) {
    super(`If-Match expected revision ${expected}; the record is at ${actual}`);
  }
}

/** The Idempotency-Key was used before for a different request: 422, nothing written. */
export class IdempotencyKeyReused extends Error {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor() {
    super('this Idempotency-Key was already used for a different request');
  }
}

/** The stream already holds as many events as one stream may: 409, nothing written. */
export class StreamRecordFull extends Error {
  readonly code = 'RECORD_FULL';
  readonly rule = 'StreamRecordFull';
  constructor(
    readonly stream: string,
    readonly limit: number,
  ) {
    super(`${stream} holds its maximum of ${limit} events; record further matters in a new case or commitment`);
  }
}

/** The principal wrote more than its quota allows: 429 with Retry-After, nothing written. */
/** A rate limit per principal or per client address (writes, heavy reads): 429 with Retry-After. */
export class RateLimitExceeded extends Error {
  readonly code = 'RATE_LIMITED';
  constructor(
    who: string,
    what: string,
    readonly perMinute: number,
    readonly retryAfterSeconds: number,
  ) {
    super(`${who} may make ${perMinute} ${what} a minute; retry after ${retryAfterSeconds} s`);
  }
}

export class WriteQuotaExceeded extends Error {
  readonly code = 'WRITE_QUOTA_EXCEEDED';
  constructor(
    readonly perMinute: number,
    readonly retryAfterSeconds: number,
  ) {
    super(`this principal may write ${perMinute} times a minute; retry after ${retryAfterSeconds} s`);
  }
}
