import { anEvent } from '@ceasefire/event-store/testing';
import { SqliteEventStore } from '@ceasefire/event-store';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectionParked } from '../projection.errors';
import { openReadModelDatabase } from '../read-model-database';
import { streamStatsProjection } from '../testing/stream-stats.projection';
import { ThreadedProjectionRunner } from './threaded-projection-runner';

const counted = (n: number, extra: Record<string, unknown> = {}) => anEvent('Counted', { n, ...extra });
const projections = [streamStatsProjection(), streamStatsProjection({ name: 'fragile_stats' })];

describe('ThreadedProjectionRunner', () => {
  let dir: string;
  let store: SqliteEventStore;
  const runners: ThreadedProjectionRunner[] = [];
  const startRunner = async () => {
    const runner = new ThreadedProjectionRunner(
      store,
      openReadModelDatabase(join(dir, 'read-models.sqlite')),
      projections,
      {
        file: join(process.cwd(), 'libs/projections/src/testing/stream-stats.thread.ts'),
        workerData: { eventsPath: join(dir, 'events.sqlite'), readModelsPath: join(dir, 'read-models.sqlite') },
      },
    );
    runners.push(runner);
    await runner.start();
    return runner;
  };
  const rowsOf = (runner: ThreadedProjectionRunner, projection = 'stream_stats') =>
    runner.db.prepare(`SELECT stream, events, total FROM ${runner.table(projection, 'streams')} ORDER BY stream`).all();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-threaded-'));
    store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
  });
  afterEach(async () => {
    for (const runner of runners.splice(0)) {
      await runner.stop();
      runner.db.close();
    }
    await store.close();
  });

  it('applies on its own thread what this thread appends, woken by each commit, readable here', async () => {
    const runner = await startRunner();
    await store.append('counter-a', [counted(2), counted(3)]);
    const started = Date.now();
    const { position } = await store.append('counter-b', [counted(5)]);
    await runner.waitFor(position);
    // The thread polls every 5 s: only the commit's wake-up message makes this quick.
    expect(Date.now() - started).toBeLessThan(2000);
    expect(rowsOf(runner)).toEqual([
      { stream: 'counter-a', events: 2, total: 5 },
      { stream: 'counter-b', events: 1, total: 5 },
    ]);
    expect(runner.reached('stream_stats', position)).toBe(true);
    expect((await runner.health()).map((h) => [h.projection, h.lag, h.caughtUp])).toEqual([
      ['stream_stats', 0, true],
      ['fragile_stats', 0, true],
    ]);
  });

  it('parks only the projection that fails; the others go on in the same commits', async () => {
    const runner = await startRunner();
    const { position } = await store.append('counter-a', [counted(1), counted(1, { fail: true }), counted(1)]);
    await expect(runner.waitFor(position)).rejects.toBeInstanceOf(ProjectionParked);
    await runner.waitFor(position, { projections: ['stream_stats'] });
    expect(rowsOf(runner)).toEqual([{ stream: 'counter-a', events: 3, total: 3 }]);
    expect(rowsOf(runner, 'fragile_stats')).toEqual([]);
    const fragile = (await runner.health()).find((h) => h.projection === 'fragile_stats')!;
    expect(fragile.parked?.error).toMatch(/cannot count this \(event Counted counter-a@1\)/);
  });

  it('resumes after a restart from its checkpoint without applying anything twice', async () => {
    const first = await startRunner();
    const { position } = await store.append('counter-a', [counted(1), counted(1)]);
    await first.waitFor(position);
    await first.stop();
    first.db.close();
    runners.splice(runners.indexOf(first), 1);
    await store.append('counter-a', [counted(1)]);
    const second = await startRunner();
    const { position: later } = await store.append('counter-a', [counted(1)]);
    await second.waitFor(later);
    expect(rowsOf(second)).toEqual([{ stream: 'counter-a', events: 4, total: 4 }]);
  });
});
