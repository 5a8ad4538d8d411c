import { SqliteEventStore } from '@ceasefire/event-store';
import { workerData } from 'node:worker_threads';
import { openReadModelDatabase } from '../read-model-database';
import { serveProjectionThread } from '../thread/serve-projection-thread';
import { streamStatsProjection } from './stream-stats.projection';

/** The projection thread of the threaded runner's tests: stream_stats, and a copy that fails on { fail: true }. */
const { eventsPath, readModelsPath } = workerData as { eventsPath: string; readModelsPath: string };

void serveProjectionThread(async () => ({
  // A long poll: only the main thread's wake-up can make these tests fast.
  store: new SqliteEventStore({ path: eventsPath, pollIntervalMs: 5000 }),
  db: openReadModelDatabase(readModelsPath),
  projections: [
    streamStatsProjection(),
    streamStatsProjection({
      name: 'fragile_stats',
      apply: (event, tx) => {
        if (event.data.fail === true) throw new Error('cannot count this');
        streamStatsProjection().apply(event, tx);
      },
    }),
  ],
}));
