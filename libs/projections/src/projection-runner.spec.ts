import { anEvent, someEvents } from '@ceasefire/event-store/testing';
import { SqliteEventStore } from '@ceasefire/event-store';
import { ProjectionParked, WaitForTimeout } from './projection.errors';
import { InProcessProjectionRunner } from './in-process-projection-runner';
import { openReadModelDatabase } from './read-model-database';
import { streamStatsProjection } from './testing/stream-stats.projection';
import type Database from 'better-sqlite3';

const counted = (n: number) => anEvent('Counted', { n });
const rowsOf = (runner: InProcessProjectionRunner) =>
  runner.db.prepare(`SELECT * FROM ${runner.table('stream_stats', 'streams')} ORDER BY stream`).all();

describe('InProcessProjectionRunner', () => {
  let store: SqliteEventStore;
  let db: Database.Database;
  const runners: InProcessProjectionRunner[] = [];
  const startRunner = (projections = [streamStatsProjection()]) => {
    const runner = new InProcessProjectionRunner(store, db, projections);
    runners.push(runner);
    runner.start();
    return runner;
  };

  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:', pollIntervalMs: 20 });
    db = openReadModelDatabase(':memory:');
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await store.close();
  });

  it('projects events and lets a caller wait until its own write is readable', async () => {
    const runner = startRunner();
    await store.append('counter-a', [counted(2), counted(3)]);
    const { position } = await store.append('counter-b', [counted(5)]);
    await runner.waitFor(position);
    expect(rowsOf(runner)).toEqual([
      { stream: 'counter-a', events: 2, total: 5, last_revision: 1 },
      { stream: 'counter-b', events: 1, total: 5, last_revision: 0 },
    ]);
  });

  it('moves its checkpoint past events it does not handle, so waitFor still resolves', async () => {
    const runner = startRunner();
    const { position } = await store.append('other-1', someEvents(3, 'Unrelated'));
    await runner.waitFor(position);
    expect(rowsOf(runner)).toEqual([]);
  });

  it('resumes after a restart from its checkpoint without applying anything twice', async () => {
    const first = startRunner();
    const { position } = await store.append('counter-a', [counted(1), counted(1)]);
    await first.waitFor(position);
    await first.stop();
    await store.append('counter-a', [counted(1)]);
    const second = startRunner();
    const { position: later } = await store.append('counter-a', [counted(1)]);
    await second.waitFor(later);
    expect(rowsOf(second)).toEqual([{ stream: 'counter-a', events: 4, total: 4, last_revision: 3 }]);
  });

  it('parks a failing projection with its error visible, writes nothing of the failed batch, and keeps the others running', async () => {
    const failing = streamStatsProjection({
      name: 'fragile',
      apply: (event, tx) => {
        if (event.data.n === 13) throw new Error('unlucky number');
        streamStatsProjection().apply(event, tx);
      },
    });
    const runner = startRunner([failing, streamStatsProjection()]);
    const first = await store.append('counter-a', [counted(1)]);
    await runner.waitFor(first.position);
    const { position } = await store.append('counter-a', [counted(13), counted(2)]);
    await expect(runner.waitFor(position)).rejects.toBeInstanceOf(ProjectionParked);
    await runner.waitFor(position, { projections: ['stream_stats'] });
    const health = await runner.health();
    const fragile = health.find((h) => h.projection === 'fragile')!;
    expect(fragile.parked?.error).toMatch(/unlucky number \(event Counted counter-a@1\)/);
    expect(db.prepare(`SELECT total FROM ${runner.table('fragile', 'streams')}`).all()).toEqual([{ total: 1 }]);
    expect(health.find((h) => h.projection === 'stream_stats')!.parked).toBeUndefined();
  });

  it('feeds a resumed projection from its own checkpoint while the others, further on, apply nothing twice', async () => {
    let broken = true;
    const flaky = streamStatsProjection({
      name: 'flaky',
      apply: (event, tx) => {
        if (broken && event.data.n === 13) throw new Error('not yet');
        streamStatsProjection().apply(event, tx);
      },
    });
    const runner = startRunner([flaky, streamStatsProjection()]);
    const { position } = await store.append('counter-a', [counted(1), counted(13), counted(2)]);
    await runner.waitFor(position, { projections: ['stream_stats'] });
    await store.append('counter-b', [counted(5)]);
    broken = false;
    await runner.resume('flaky');
    const { position: head } = await store.append('counter-b', [counted(5)]);
    await runner.waitFor(head);
    const rows = (name: string) =>
      db.prepare(`SELECT stream, events, total FROM ${runner.table(name, 'streams')} ORDER BY stream`).all();
    const expected = [
      { stream: 'counter-a', events: 3, total: 16 },
      { stream: 'counter-b', events: 2, total: 10 },
    ];
    expect(rows('flaky')).toEqual(expected);
    expect(rows('stream_stats')).toEqual(expected);
  });

  it('rebuilds a projection whose version changed into fresh tables and switches over when caught up', async () => {
    const v1 = startRunner([streamStatsProjection()]);
    const { position } = await store.append('counter-a', [counted(4), counted(6)]);
    await v1.waitFor(position);
    await v1.stop();
    const doubled = streamStatsProjection({
      version: 2,
      apply: (event, tx) => streamStatsProjection().apply({ ...event, data: { n: (event.data.n as number) * 2 } }, tx),
    });
    const v2 = new InProcessProjectionRunner(store, db, [doubled]);
    runners.push(v2);
    v2.start();
    expect(v2.table('stream_stats', 'streams')).toBe('stream_stats_v1_streams');
    await v2.waitFor(position);
    expect(v2.table('stream_stats', 'streams')).toBe('stream_stats_v2_streams');
    expect(rowsOf(v2)).toEqual([{ stream: 'counter-a', events: 2, total: 20, last_revision: 1 }]);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'stream_stats%'")
      .all();
    expect(tables).toEqual([{ name: 'stream_stats_v2_streams' }]);
  });

  it('times out a wait for a position never reached, naming the lagging projection', async () => {
    const runner = startRunner();
    const error = await runner.waitFor('99999999999999999999', { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitForTimeout);
    expect((error as WaitForTimeout).lagging).toEqual(['stream_stats']);
  });

  it('reports lag against the head of the log', async () => {
    const runner = startRunner();
    const { position } = await store.append('counter-a', [counted(1)]);
    await runner.waitFor(position);
    const [health] = await runner.health();
    expect(health).toMatchObject({ projection: 'stream_stats', lag: 0, caughtUp: true, position });
  });
});
