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
