import type { Projection } from '../projection';

/** What the runner tests write: counted amounts, resets, and events told to fail a projection. */
export type StatsEvent =
  { type: 'Counted'; data: { n?: number; fail?: boolean } } | { type: 'Reset'; data: { n?: number; fail?: boolean } };

/** A small real projection for runner tests: per stream, how many events and the sum of data.n. */
export const streamStatsProjection = (overrides: Partial<Projection<StatsEvent>> = {}): Projection<StatsEvent> => ({
  name: 'stream_stats',
  version: 1,
  handles: ['Counted', 'Reset'],
  setup: ({ db, table }) =>
    db.exec(
      `CREATE TABLE ${table('streams')} (stream TEXT PRIMARY KEY, events INTEGER NOT NULL, total INTEGER NOT NULL, last_revision INTEGER NOT NULL)`,
    ),
  apply: (event, { db, table }) => {
    if (event.type === 'Reset') {
      db.prepare(
        `UPDATE ${table('streams')} SET total = 0, events = events + 1, last_revision = ? WHERE stream = ?`,
      ).run(event.revision, event.stream);
      return;
    }
    const n = event.data.n ?? 0;
    db.prepare(
      `INSERT INTO ${table('streams')} (stream, events, total, last_revision) VALUES (?, 1, ?, ?)
       ON CONFLICT (stream) DO UPDATE SET events = events + 1, total = total + excluded.total, last_revision = excluded.last_revision`,
    ).run(event.stream, n, event.revision);
  },
  ...overrides,
});
