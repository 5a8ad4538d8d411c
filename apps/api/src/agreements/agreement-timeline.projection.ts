import type { Projection } from '@ceasefire/projections';

const CATEGORIES = new Set(['agreement', 'incident', 'commitment']);

/**
 * Each agreement's events in log order, by reference (stream and revision, with what a reader's
 * visibility and a time filter need), so a timeline or a feed of one agreement reads that agreement's
 * entries and nothing else of the log.
 */
export const agreementTimelineProjection: Projection = {
  name: 'agreement_timeline',
  version: 1,
  handles: 'all',
  setup: ({ db, table }) =>
    db.exec(`CREATE TABLE ${table('entries')} (
      agreement_id TEXT NOT NULL, position TEXT NOT NULL, stream TEXT NOT NULL, revision INTEGER NOT NULL,
      type TEXT NOT NULL, recorded_at TEXT NOT NULL, PRIMARY KEY (agreement_id, position)) WITHOUT ROWID;`),
  apply: (event, { db, table }) => {
    const agreementId = (event.data as { agreementId?: unknown }).agreementId;
    if (typeof agreementId !== 'string' || !CATEGORIES.has(event.stream.slice(0, event.stream.indexOf('-')))) return;
    db.prepare(`INSERT INTO ${table('entries')} VALUES (?, ?, ?, ?, ?, ?)`).run(
      agreementId,
      event.position,
      event.stream,
      event.revision,
      event.type,
      event.recordedAt,
    );
  },
};
