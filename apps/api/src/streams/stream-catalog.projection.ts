import type { Projection } from '@ceasefire/projections';

/** Every stream of the log with its category, last revision and position: what exists, at a glance. */
export const streamCatalogProjection: Projection = {
  name: 'stream_catalog',
  version: 1,
  handles: 'all',
  setup: ({ db, table }) =>
    db.exec(`CREATE TABLE ${table('streams')} (
      stream TEXT PRIMARY KEY, category TEXT NOT NULL, last_revision INTEGER NOT NULL,
      last_type TEXT NOT NULL, last_position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX ${table('streams_by_category')} ON ${table('streams')} (category, stream);`),
  apply: (event, { db, table }) => {
    db.prepare(
      `INSERT INTO ${table('streams')} VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (stream) DO UPDATE SET last_revision = excluded.last_revision, last_type = excluded.last_type,
         last_position = excluded.last_position, updated_at = excluded.updated_at`,
    ).run(
      event.stream,
      event.stream.slice(0, event.stream.indexOf('-')),
      event.revision,
      event.type,
      event.position,
      event.recordedAt,
    );
  },
};
