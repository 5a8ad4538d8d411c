import { type Actor, type IncidentEvent, mayReadCaseEvent } from '@ceasefire/mvm';
import type { Projection } from '@ceasefire/projections';

const CATEGORIES = new Set(['agreement', 'incident', 'commitment']);

/** Anyone: what an observer may read is what the whole public may. */
const THE_PUBLIC: Actor = { principalId: 'the-public', role: 'observer' };

/**
 * Each agreement's events in log order, by reference (stream and revision, with what a reader's
 * visibility and a time filter need), so a timeline or a feed of one agreement reads that agreement's
 * entries and nothing else of the log. Entries an observer may read now (the events of a PUBLIC case
 * that the mechanism does not keep to itself) are marked `public`, so the public's whole feed reads those
 * and nothing else; a case classified PUBLIC later marks its earlier entries, and one classified down
 * unmarks them.
 */
export const agreementTimelineProjection: Projection = {
  name: 'agreement_timeline',
  version: 2,
  handles: 'all',
  setup: ({ db, table }) =>
    db.exec(`CREATE TABLE ${table('entries')} (
      agreement_id TEXT NOT NULL, position TEXT NOT NULL, stream TEXT NOT NULL, revision INTEGER NOT NULL,
      type TEXT NOT NULL, recorded_at TEXT NOT NULL, public INTEGER NOT NULL,
      PRIMARY KEY (agreement_id, position)) WITHOUT ROWID;
    CREATE INDEX ${table('public_entries')} ON ${table('entries')} (position) WHERE public = 1;
    CREATE TABLE ${table('public_cases')} (stream TEXT PRIMARY KEY) WITHOUT ROWID;`),
  apply: (event, { db, table }) => {
    const agreementId = (event.data as { agreementId?: unknown }).agreementId;
    const category = event.stream.slice(0, event.stream.indexOf('-'));
    if (typeof agreementId !== 'string' || !CATEGORIES.has(category)) return;
    let isPublic = false;
    if (category === 'incident') {
      if (event.type === 'CaseClassified') {
        const toPublic = (event.data as { level?: unknown }).level === 'PUBLIC';
        db.prepare(
          toPublic
            ? `INSERT OR IGNORE INTO ${table('public_cases')} VALUES (?)`
            : `DELETE FROM ${table('public_cases')} WHERE stream = ?`,
        ).run(event.stream);
        // The case's earlier entries (of its agreement only: no scan of the index beyond it).
        for (const entry of db
          .prepare(`SELECT position, type FROM ${table('entries')} WHERE agreement_id = ? AND stream = ?`)
          .all(agreementId, event.stream) as { position: string; type: string }[])
          db.prepare(`UPDATE ${table('entries')} SET public = ? WHERE agreement_id = ? AND position = ?`).run(
            toPublic && readableByThePublic(entry.type) ? 1 : 0,
            agreementId,
            entry.position,
          );
      }
      isPublic =
        readableByThePublic(event.type) &&
        db.prepare(`SELECT 1 FROM ${table('public_cases')} WHERE stream = ?`).get(event.stream) !== undefined;
    }
    db.prepare(`INSERT INTO ${table('entries')} VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
      agreementId,
      event.position,
      event.stream,
      event.revision,
      event.type,
      event.recordedAt,
      isPublic ? 1 : 0,
    );
  },
};

/** Whether the public may read an event of this type in a PUBLIC case (the mechanism keeps some to itself). */
const readableByThePublic = (type: string): boolean =>
  mayReadCaseEvent(THE_PUBLIC, { type } as Pick<IncidentEvent, 'type'>, 'PUBLIC', []);
