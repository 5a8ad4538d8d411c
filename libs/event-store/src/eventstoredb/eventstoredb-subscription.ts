import type { AllStreamResolvedEvent, AllStreamSubscription, Filter, Position } from '@eventstore/db-client';
import type { EventFilter, SubscriptionMessage } from '../port/event-store.port';
import { type GlobalPosition, hasReached } from '../port/global-position';
import { AsyncQueue } from '../subscription/async-queue';
import { matchesFilter } from './eventstoredb-filter';
import { encodePosition } from './eventstoredb-position';
import { classifyRecord, type ServerRecord } from './eventstoredb-recorded-event';

export interface SubscriptionSource {
  subscribe(checkpointReached: NonNullable<Filter['checkpointReached']>): AllStreamSubscription;
  filter: EventFilter;
  /** Where the caller asked to start (exclusive). */
  from: GlobalPosition | undefined;
  /** The last event of the log before subscribing: a `caughtUp` has seen at least this far. */
  headBefore: GlobalPosition | undefined;
  onForeign(record: Extract<ServerRecord, { kind: 'foreign' }>): void;
  signal?: AbortSignal;
}

/**
 * Turns the client's subscription into the port's messages, in log order.
 *
 * The client hands checkpoints and `caughtUp` to us straight from its transform, while the events
 * before them may still wait in its readable buffer (16 objects, longer while paused). A marker is
 * therefore held until every event the client had accepted before it has been delivered: a consumer
 * that takes a checkpoint has always seen every event before it.
 */
export async function* orderedSubscription(source: SubscriptionSource): AsyncGenerator<SubscriptionMessage> {
  let last = source.from;
  let delivered = 0;
  const held: { after: number; message: () => SubscriptionMessage }[] = [];
  const queue: AsyncQueue<SubscriptionMessage> = new AsyncQueue(
    1000,
    () => subscription.pause(),
    () => subscription.resume(),
  );
  const moveTo = (position: GlobalPosition | undefined) => {
    if (position !== undefined && !hasReached(last, position)) last = position;
  };
  const release = () => {
    while (held.length > 0 && held[0].after <= delivered) queue.push(held.shift()!.message());
  };
  const hold = (message: () => SubscriptionMessage) => {
    held.push({ after: delivered + subscription.readableLength, message });
    release();
  };
  const checkpointReached = async (_: unknown, position: Position) =>
    hold(() => {
      moveTo(encodePosition(position));
      return { kind: 'checkpoint', position: last ?? encodePosition(position) };
    });
  const subscription = source.subscribe(checkpointReached);
  subscription.on('data', (resolved: AllStreamResolvedEvent) => {
    delivered++;
    const record = classifyRecord(resolved);
    if (record.kind === 'ours' && matchesFilter(source.filter, record.event)) {
      moveTo(record.event.position);
      queue.push({ kind: 'event', event: record.event });
    } else {
      if (record.kind === 'foreign') source.onForeign(record);
      const position = record.kind === 'ours' ? record.event.position : record.position;
      if (position !== undefined && !hasReached(last, position)) {
        moveTo(position);
        queue.push({ kind: 'checkpoint', position });
      }
    }
    release();
  });
  subscription.on('caughtUp', () =>
    hold(() => {
      // The server's last checkpoint may trail filtered-out events; everything up to the head read
      // before subscribing was in the log when catch-up began, so catch-up has passed it.
      if (source.headBefore !== undefined) moveTo(source.headBefore);
      return { kind: 'caughtUp', position: last };
    }),
  );
  subscription.on('error', (error) => queue.fail(error));
  subscription.on('end', () => queue.end());
  const stop = () => queue.end();
  source.signal?.addEventListener('abort', stop, { once: true });
  try {
    yield* queue;
  } finally {
    source.signal?.removeEventListener('abort', stop);
    await subscription.unsubscribe();
  }
}
