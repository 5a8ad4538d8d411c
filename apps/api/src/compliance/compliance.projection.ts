import {
  type AgreementRecordEvent,
  COMPLIANCE_EVENT_TYPES,
  type ComplianceState,
  complianceSliceOf,
  evolveCompliance,
  initialComplianceState,
  mergeCompliance,
} from '@ceasefire/mvm';
import type { Projection } from '@ceasefire/projections';
import type Database from 'better-sqlite3';

/**
 * Compliance folded with the domain's own evolveCompliance, one slice (the agreement, a case, a
 * commitment) per row, so an event costs what its slice holds, not the whole agreement. A report
 * merges an agreement's slices (mergeCompliance); a new rule is written once, in the domain.
 *
 * Bitemporal: every slice state is also kept with the position and time it took effect (`versions`),
 * so the record as it stood at a position is the latest version of each slice up to it, read from
 * that agreement's rows only. `clock` maps recording time to position: the running maximum of
 * recordedAt over the log, so "as of T" is the longest prefix of the log recorded by T.
 */
export const complianceProjection: Projection<AgreementRecordEvent> = {
  name: 'compliance',
  version: 5,
  handles: COMPLIANCE_EVENT_TYPES,
  setup: ({ db, table }) =>
    db.exec(`
      CREATE TABLE ${table('slices')} (agreement_id TEXT NOT NULL, slice TEXT NOT NULL, state TEXT NOT NULL, PRIMARY KEY (agreement_id, slice));
      CREATE TABLE ${table('positions')} (agreement_id TEXT PRIMARY KEY, position TEXT NOT NULL);
      CREATE TABLE ${table('versions')} (agreement_id TEXT NOT NULL, position TEXT NOT NULL, slice TEXT NOT NULL, recorded_at TEXT NOT NULL, state TEXT NOT NULL, PRIMARY KEY (agreement_id, position)) WITHOUT ROWID;
      CREATE TABLE ${table('clock')} (recorded_max TEXT NOT NULL, position TEXT NOT NULL, PRIMARY KEY (recorded_max, position)) WITHOUT ROWID;
    `),
  apply: (event, { db, table }) => {
    const { agreementId } = event.data;
    const slice = complianceSliceOf(event);
    const row = db
      .prepare(`SELECT state FROM ${table('slices')} WHERE agreement_id = ? AND slice = ?`)
      .get(agreementId, slice) as { state: string } | undefined;
    const before = row ? (JSON.parse(row.state) as ComplianceState) : initialComplianceState();
    const after = JSON.stringify(evolveCompliance(before, event));
    db.prepare(`INSERT OR REPLACE INTO ${table('slices')} VALUES (?, ?, ?)`).run(agreementId, slice, after);
    db.prepare(`INSERT OR REPLACE INTO ${table('positions')} VALUES (?, ?)`).run(agreementId, event.position);
    db.prepare(`INSERT INTO ${table('versions')} VALUES (?, ?, ?, ?, ?)`).run(
      agreementId,
      event.position,
      slice,
      event.recordedAt,
      after,
    );
    const latest = db.prepare(`SELECT max(recorded_max) AS t FROM ${table('clock')}`).get() as { t: string | null };
    const runningMax = latest.t !== null && latest.t > event.recordedAt ? latest.t : event.recordedAt;
    db.prepare(`INSERT INTO ${table('clock')} VALUES (?, ?)`).run(runningMax, event.position);
  },
};

type Table = (name: string) => string;

const registered = (state: ComplianceState): ComplianceState | undefined =>
  state.agreementId === null ? undefined : state;

/** One agreement's ComplianceState, merged from its slices; undefined until the agreement is registered. */
export const complianceStateOf = (db: Database.Database, table: Table, agreementId: string) =>
  registered(
    mergeCompliance(
      (
        db.prepare(`SELECT state FROM ${table('slices')} WHERE agreement_id = ?`).all(agreementId) as {
          state: string;
        }[]
      ).map((r) => JSON.parse(r.state) as ComplianceState),
    ),
  );

export const compliancePositionOf = (db: Database.Database, table: Table, agreementId: string): string | null =>
  (
    db.prepare(`SELECT position FROM ${table('positions')} WHERE agreement_id = ?`).get(agreementId) as
      { position: string } | undefined
  )?.position ?? null;

/** True once the agreement is registered in the read model: checked before any as-of read. */
export const agreementKnown = (db: Database.Database, table: Table, agreementId: string): boolean =>
  db.prepare(`SELECT 1 FROM ${table('slices')} WHERE agreement_id = ? AND slice = 'agreement'`).get(agreementId) !==
  undefined;

/** The last log position recorded by `time`: the end of the longest prefix of the log with every event recorded by then. */
export const positionRecordedBy = (db: Database.Database, table: Table, time: string): string | null =>
  (
    db
      .prepare(
        `SELECT position FROM ${table('clock')} WHERE recorded_max <= ? ORDER BY recorded_max DESC, position DESC LIMIT 1`,
      )
      .get(time) as { position: string } | undefined
  )?.position ?? null;

export interface ComplianceVersion {
  state: ComplianceState;
  /** The agreement's last change at or before the cut, and when it was recorded. */
  position: string;
  recordedAt: string;
}

/**
 * The agreement's compliance as it stood at a log position: the latest version of each of its slices
 * at or before it. Reads that agreement's versions up to the cut, nothing of the log or of other agreements.
 */
export const complianceStateAt = (
  db: Database.Database,
  table: Table,
  agreementId: string,
  position: string,
): ComplianceVersion | undefined => {
  // SQLite's bare columns with max(): each slice's row is the one with the greatest position.
  const rows = db
    .prepare(
      `SELECT state, max(position) AS position, recorded_at AS recordedAt FROM ${table('versions')}
       WHERE agreement_id = ? AND position <= ? GROUP BY slice`,
    )
    .all(agreementId, position) as { state: string; position: string; recordedAt: string }[];
  const state = registered(mergeCompliance(rows.map((r) => JSON.parse(r.state) as ComplianceState)));
  if (!state) return undefined;
  const last = rows.reduce((a, b) => (b.position > a.position ? b : a));
  return { state, position: last.position, recordedAt: last.recordedAt };
};

/** An agreement's party codes, from its agreement slice (a read the feeds make per event, so one row). */
export const agreementPartiesOf = (db: Database.Database, table: Table, agreementId: string): string[] => {
  const row = db
    .prepare(`SELECT state FROM ${table('slices')} WHERE agreement_id = ? AND slice = 'agreement'`)
    .get(agreementId) as { state: string } | undefined;
  return row ? (JSON.parse(row.state) as ComplianceState).parties.map((p) => p.code) : [];
};
