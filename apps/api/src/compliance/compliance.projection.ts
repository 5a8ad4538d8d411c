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
 */
export const complianceProjection: Projection<AgreementRecordEvent> = {
  name: 'compliance',
  version: 4,
  handles: COMPLIANCE_EVENT_TYPES,
  setup: ({ db, table }) =>
    db.exec(`
      CREATE TABLE ${table('slices')} (agreement_id TEXT NOT NULL, slice TEXT NOT NULL, state TEXT NOT NULL, PRIMARY KEY (agreement_id, slice));
      CREATE TABLE ${table('positions')} (agreement_id TEXT PRIMARY KEY, position TEXT NOT NULL);
    `),
  apply: (event, { db, table }) => {
    const { agreementId } = event.data;
    const slice = complianceSliceOf(event);
    const row = db
      .prepare(`SELECT state FROM ${table('slices')} WHERE agreement_id = ? AND slice = ?`)
      .get(agreementId, slice) as { state: string } | undefined;
    const before = row ? (JSON.parse(row.state) as ComplianceState) : initialComplianceState();
    db.prepare(`INSERT OR REPLACE INTO ${table('slices')} VALUES (?, ?, ?)`).run(
      agreementId,
      slice,
      JSON.stringify(evolveCompliance(before, event)),
    );
    db.prepare(`INSERT OR REPLACE INTO ${table('positions')} VALUES (?, ?)`).run(agreementId, event.position);
  },
};

/** One agreement's ComplianceState, merged from its slices; undefined until the agreement is registered. */
export const complianceStateOf = (
  db: Database.Database,
  table: (name: string) => string,
  agreementId: string,
): ComplianceState | undefined => {
  const slices = (
    db.prepare(`SELECT state FROM ${table('slices')} WHERE agreement_id = ?`).all(agreementId) as { state: string }[]
  ).map((r) => JSON.parse(r.state) as ComplianceState);
  const state = mergeCompliance(slices);
  return state.agreementId === null ? undefined : state;
};

export const compliancePositionOf = (
  db: Database.Database,
  table: (name: string) => string,
  agreementId: string,
): string | null =>
  (
    db.prepare(`SELECT position FROM ${table('positions')} WHERE agreement_id = ?`).get(agreementId) as
      { position: string } | undefined
  )?.position ?? null;

/** An agreement's party codes, from its agreement slice (a read the feeds make per event, so one row). */
export const agreementPartiesOf = (
  db: Database.Database,
  table: (name: string) => string,
  agreementId: string,
): string[] => {
  const row = db
    .prepare(`SELECT state FROM ${table('slices')} WHERE agreement_id = ? AND slice = 'agreement'`)
    .get(agreementId) as { state: string } | undefined;
  return row ? (JSON.parse(row.state) as ComplianceState).parties.map((p) => p.code) : [];
};
