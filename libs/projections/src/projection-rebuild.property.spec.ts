import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { SqliteEventStore, type NewEvent } from '@ceasefire/event-store';
import { InProcessProjectionRunner } from './in-process-projection-runner';
import { openReadModelDatabase } from './read-model-database';
import { streamStatsProjection } from './testing/stream-stats.projection';

const anyEvent = fc.record({
  stream: fc.constantFrom('counter-a', 'counter-b', 'counter-c', 'noise-x'),
  type: fc.constantFrom('Counted', 'Counted', 'Reset', 'Unrelated'),
  n: fc.integer({ min: -1000, max: 1000 }),
});
/** Batches of events, and how many batches go in before the live runner starts. */
const history = fc.tuple(fc.array(fc.array(anyEvent, { minLength: 1, maxLength: 6 }), { maxLength: 25 }), fc.nat(25));

const snapshot = (runner: InProcessProjectionRunner) =>
  runner.db.prepare(`SELECT * FROM ${runner.table('stream_stats', 'streams')} ORDER BY stream`).all();

describe('projection rebuild (property)', () => {
  it('a read model rebuilt from scratch equals the one kept live, for any event sequence', async () => {
    await fc.assert(
      fc.asyncProperty(history, async ([batches, startAfter]) => {
        const store = new SqliteEventStore({ path: ':memory:', pollIntervalMs: 5 });
        const live = new InProcessProjectionRunner(
          store,
          openReadModelDatabase(':memory:'),
          [streamStatsProjection()],
          {
            batchSize: 3,
          },
        );
        try {
          let head: string | undefined;
          for (const [i, batch] of batches.entries()) {
            if (i === startAfter) live.start();
            const byStream = new Map<string, NewEvent[]>();
            for (const e of batch)
              byStream.set(e.stream, [
                ...(byStream.get(e.stream) ?? []),
                { id: randomUUID(), type: e.type, data: { n: e.n } },
              ]);
            for (const [stream, events] of byStream) head = (await store.append(stream, events)).position;
          }
          if (startAfter >= batches.length) live.start();
          const rebuilt = new InProcessProjectionRunner(store, openReadModelDatabase(':memory:'), [
            streamStatsProjection(),
          ]);
          rebuilt.start();
          if (head) await Promise.all([live.waitFor(head), rebuilt.waitFor(head)]);
          await Promise.all([live.stop(), rebuilt.stop()]);
          expect(snapshot(rebuilt)).toEqual(snapshot(live));
        } finally {
          await store.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
