import type { CaseObligation, ClassificationLevel } from '@ceasefire/mvm';
import type { ReadModels } from '@ceasefire/projections';

const table = (rm: ReadModels) => rm.table('incident_cases', 'cases');

export interface CaseRow {
  state: string;
  revision: number;
  position: string;
  occurred_at: string;
  incident_id: string;
}

export interface IncidentFilter {
  status?: string;
  party?: string;
  category?: string;
  from?: string;
  to?: string;
  /** Cases after this one in the list's order (the cursor). */
  after?: { occurredAt: string; incidentId: string };
  limit: number;
}

export const caseRow = (rm: ReadModels, incidentId: string) =>
  rm.db.prepare(`SELECT state, revision, position FROM ${table(rm)} WHERE incident_id = ?`).get(incidentId) as
    CaseRow | undefined;

/** An agreement's cases matching the filter, by time of occurrence. */
export const caseRows = (rm: ReadModels, agreementId: string, filter: IncidentFilter): CaseRow[] => {
  const clauses: [string, (string | number)[]][] = [['agreement_id = ?', [agreementId]]];
  if (filter.status) clauses.push(['status = ?', [filter.status]]);
  if (filter.category) clauses.push(['category = ?', [filter.category]]);
  if (filter.party) clauses.push(['(alleged_perpetrator = ? OR reporter_party = ?)', [filter.party, filter.party]]);
  if (filter.from) clauses.push(['occurred_at >= ?', [filter.from]]);
  if (filter.to) clauses.push(['occurred_at <= ?', [filter.to]]);
  if (filter.after)
    clauses.push(['(occurred_at, incident_id) > (?, ?)', [filter.after.occurredAt, filter.after.incidentId]]);
  const where = clauses.map(([sql]) => sql).join(' AND ');
  const params = clauses.flatMap(([, values]) => values);
  return rm.db
    .prepare(
      `SELECT state, revision, position, occurred_at, incident_id FROM ${table(rm)} WHERE ${where} ORDER BY occurred_at, incident_id LIMIT ?`,
    )
    .all(...params, filter.limit) as CaseRow[];
};

const ids = (rm: ReadModels, where: string, now: string): string[] =>
  (rm.db.prepare(`SELECT incident_id AS id FROM ${table(rm)} WHERE ${where}`).all(now) as { id: string }[]).map(
    (r) => r.id,
  );

/** Open cases whose response window has closed at `now`. */
export const casesPastResponseDue = (rm: ReadModels, now: string) =>
  ids(rm, "response_due_at IS NOT NULL AND response_due_at <= ? AND status <> 'CLOSED'", now);

/** Cases whose investigation is due by `now`. */
export const casesPastInvestigationDue = (rm: ReadModels, now: string) =>
  ids(rm, 'investigation_due_at IS NOT NULL AND investigation_due_at <= ?', now);

/** The latest snapshot of a case's state at or before a revision or a position (see CASE_SNAPSHOT_EVERY). */
export const caseSnapshotAtOrBefore = (
  rm: ReadModels,
  incidentId: string,
  cut: { revision: number } | { position: string },
) => {
  const [column, value] = 'revision' in cut ? ['revision', cut.revision] : ['position', cut.position];
  return rm.db
    .prepare(
      `SELECT state, revision FROM ${rm.table('incident_cases', 'snapshots')}
       WHERE incident_id = ? AND ${column} <= ? ORDER BY revision DESC LIMIT 1`,
    )
    .get(incidentId, value) as { state: string; revision: number } | undefined;
};

/** What the cases owe a party now (responses, measures), soonest due first (no due date last), at most `limit`. */
export const caseObligationsOf = (
  rm: ReadModels,
  party: string,
  limit: number,
): (CaseObligation & { caseLevel: ClassificationLevel })[] =>
  (
    rm.db
      .prepare(
        `SELECT obligation FROM ${rm.table('incident_cases', 'obligations')} WHERE party = ?
         ORDER BY due_at IS NULL, due_at, incident_id, ref LIMIT ?`,
      )
      .all(party, limit) as { obligation: string }[]
  ).map((r) => JSON.parse(r.obligation) as CaseObligation & { caseLevel: ClassificationLevel });
