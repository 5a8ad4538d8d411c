import type { Projection } from '../projection';

/** A small real projection for runner tests: per stream, how many events and the sum of data.n. */
export const streamStatsProjection = (overrides: Partial<Projection> = {}): Projection => ({
  name: 'stream_stats',
  version: 1,
  handles: ['Counted', 'Reset'],
  setup: ({ db, table }) =>
    db.exec(
      `CREATE TABLE ${table('streams')} (stream TEXT PRIMARY KEY, events INTEGER NOT NULL, total INTEGER NOT NULL, last_revision INTEGER NOT NULL)`,
    ),
  apply: (event, { db, table }) => {
    const n = typeof event.data.n === 'number' ? event.data.n : 0;
    if (event.type === 'Reset') {
      db.prepare(
        `UPDATE ${table('streams')} SET total = 0, events = events + 1, last_revision = ? WHERE stream = ?`,
      ).run(event.revision, event.stream);
      return;
    }
    db.prepare(
      `INSERT INTO ${table('streams')} (stream, events, total, last_revision) VALUES (?, 1, ?, ?)
       ON CONFLICT (stream) DO UPDATE SET events = events + 1, total = total + excluded.total, last_revision = excluded.last_revision`,
    ).run(event.stream, n, event.revision);
  },
  ...overrides,
});
