import { type ActualState, WrongExpectedRevision } from '../port/event-store.errors';
import type { ExpectedState } from '../port/event-store.port';

/** EventStoreDB's rules for whether an append may go ahead given the stream's actual state. */
export const checkExpectedState = (stream: string, expected: ExpectedState, actual: ActualState): void => {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === 'no_stream') ||
    (expected === 'stream_exists' && actual !== 'no_stream') ||
    expected === actual;
  if (!ok) throw new WrongExpectedRevision(stream, expected, actual);
};
