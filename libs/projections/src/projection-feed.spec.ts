import { jest } from '@jest/globals';
import { type EventStore, SqliteEventStore, type SubscriptionMessage } from '@ceasefire/event-store';
import { EsdbModel, EsdbStandIn, EventStoreDbEventStore } from '@ceasefire/event-store/eventstoredb-testing';
import { anEvent } from '@ceasefire/event-store/testing';
import type Database from 'better-sqlite3';
import { InProcessProjectionRunner } from './in-process-projection-runner';
import { LIVE_BUSY_EVENTS, LIVE_COMMIT_MS, liveCommitDelay } from './projection-feed';
import { ProjectionStateRepository } from './projection-state.repository';
import { openReadModelDatabase } from './read-model-database';
import { streamStatsProjection } from './testing/stream-stats.projection';

const counted = (n: number) => anEvent('Counted', { n });

describe('ProjectionFeed on EventStoreDB (server model over loopback gRPC)', () => {
  let standIn: EsdbStandIn;
  let model: EsdbModel;
  let store: EventStoreDbEventStore;
  let db: Database.Database;
  let runner: InProcessProjectionRunner;

  beforeEach(async () => {
    model = new EsdbModel('24.10.0');
    standIn = await EsdbStandIn.start(model);
    store = await EventStoreDbEventStore.connect(standIn.connectionString);
    db = openReadModelDatabase(':memory:');
    runner = new InProcessProjectionRunner(store, db, [streamStatsProjection()]);
    await runner.start();
  });
  afterEach(async () => {
    await runner.stop();
    await store.close();
    await standIn.stop();
  });

  it('resubscribes from its checkpoints after the server drops the subscription, and says so in health', async () => {
    const first = await store.append('counter-a', [counted(1)]);
    await runner.waitFor(first.position, { timeoutMs: 5000 });
    model.dropSubscriptions(14, 'Server restarting');
    const { position } = await store.append('counter-a', [counted(2), counted(3)]);
    await runner.waitFor(position, { timeoutMs: 5000 });
    const [health] = await runner.health();
    expect(health.parked).toBeUndefined();
    expect(health.subscription.drops).toBe(1);
    expect(health.subscription.lastDrop?.error).toMatch(/Server restarting/);
    const rows = db.prepare(`SELECT events, total FROM ${runner.table('stream_stats', 'streams')}`).all();
    expect(rows).toEqual([{ events: 3, total: 6 }]);
  });
});

describe('ProjectionFeed catching up', () => {
  it('commits checkpoints in batches, not one transaction per checkpoint', async () => {
    const messages: SubscriptionMessage[] = Array.from({ length: 2000 }, (_, i) => ({
      kind: 'checkpoint',
      position: String(i + 1).padStart(20, '0'),
    }));
    messages.push({ kind: 'caughtUp', position: '00000000000000002000' });
    const store = {
      kind: 'sqlite',
      headPosition: async () => '00000000000000002000',
      async *subscribeAll(options: { signal?: AbortSignal }) {
        yield* messages;
        if (!options.signal?.aborted)
          await new Promise((resolve) => options.signal?.addEventListener('abort', resolve));
      },
    } as unknown as EventStore;
    const checkpoints = jest.spyOn(ProjectionStateRepository.prototype, 'checkpoint');
    const runner = new InProcessProjectionRunner(store, openReadModelDatabase(':memory:'), [streamStatsProjection()]);
    await runner.start();
    await runner.waitFor('00000000000000002000', { timeoutMs: 5000 });
    await runner.stop();
    expect(checkpoints.mock.calls.length).toBeLessThan(20);
    checkpoints.mockRestore();
  });
});

describe('ProjectionFeed live', () => {
  const liveFeed = async (work: (store: SqliteEventStore, commits: () => number) => Promise<void>) => {
    const store = new SqliteEventStore({ path: ':memory:', pollIntervalMs: 5 });
    const db = openReadModelDatabase(':memory:');
    const runner = new InProcessProjectionRunner(store, db, [streamStatsProjection()]);
    await runner.start();
    const checkpoints = jest.spyOn(ProjectionStateRepository.prototype, 'checkpoint');
    try {
      await runner.waitFor((await store.append('counter-a', [counted(0)])).position, { timeoutMs: 5000 });
      checkpoints.mockClear();
      await work(store, () => checkpoints.mock.calls.length);
      const head = (await store.headPosition()) as string;
      await runner.waitFor(head, { timeoutMs: 5000 });
      const rows = db.prepare(`SELECT events FROM ${runner.table('stream_stats', 'streams')}`).all();
      expect(rows).toEqual([{ events: Number(head) }]);
    } finally {
      checkpoints.mockRestore();
      await runner.stop();
      await store.close();
    }
  };
  const pause = () => new Promise((resolve) => setTimeout(resolve, 1));

  it('commits a busy burst of appends in a few transactions, not one per append', () =>
    liveFeed(async (store, commits) => {
      const started = performance.now();
      for (let n = 1; n <= 40; n++) {
        await store.append(
          'counter-a',
          Array.from({ length: LIVE_BUSY_EVENTS }, () => counted(n)),
        );
        await pause();
      }
      await new Promise((resolve) => setTimeout(resolve, 2 * LIVE_COMMIT_MS));
      const spanMs = performance.now() - started;
      // At most one commit per LIVE_COMMIT_MS of the burst, one at its start and one at its end.
      expect(commits()).toBeLessThanOrEqual(Math.ceil(spanMs / LIVE_COMMIT_MS) + 2);
      expect(commits()).toBeLessThan(40);
    }));

  it('holds a live event back only while busy, and never past LIVE_COMMIT_MS after the last commit', () => {
    // A lone writer reading back what it wrote: its commit comes on the next turn.
    expect(liveCommitDelay(1, 1000, 1001)).toBe(0);
    expect(liveCommitDelay(LIVE_BUSY_EVENTS - 1, 1000, 1001)).toBe(0);
    // Busy: the rest of the interval since the last commit, and nothing once it has passed.
    expect(liveCommitDelay(LIVE_BUSY_EVENTS, 1000, 1003)).toBe(LIVE_COMMIT_MS - 3);
    expect(liveCommitDelay(500, 1000, 1000 + LIVE_COMMIT_MS + 5)).toBe(0);
  });
});
