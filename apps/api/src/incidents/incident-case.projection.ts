import {
  evolveIncident,
  type IncidentEvent,
  type IncidentState,
  INCIDENT_EVENT_TYPES,
  openObligations,
} from '@ceasefire/mvm';
import type { Projection } from '@ceasefire/projections';

/** A case's state is also kept after every this many events, so any step of its history is a few events away. */
export const CASE_SNAPSHOT_EVERY = 64;

/**
 * The case file of every incident, folded with the decider's own evolve, plus the columns lists filter
 * on, snapshots of the state every CASE_SNAPSHOT_EVERY revisions for reading its history in pages, and
 * what each case owes each party now (responses, measures) for the party's obligations view.
 */
export const incidentCaseProjection: Projection<IncidentEvent> = {
  name: 'incident_cases',
  version: 4,
  handles: INCIDENT_EVENT_TYPES,
  setup: ({ db, table }) =>
    db.exec(`CREATE TABLE ${table('cases')} (
      incident_id TEXT PRIMARY KEY, agreement_id TEXT NOT NULL, status TEXT NOT NULL, category TEXT NOT NULL,
      alleged_perpetrator TEXT NOT NULL, reporter_party TEXT, occurred_at TEXT NOT NULL, reported_at TEXT NOT NULL,
      response_due_at TEXT, investigation_due_at TEXT, revision INTEGER NOT NULL, position TEXT NOT NULL, state TEXT NOT NULL);
      CREATE INDEX ${table('cases_by_agreement')} ON ${table('cases')} (agreement_id, occurred_at);
      CREATE TABLE ${table('snapshots')} (incident_id TEXT NOT NULL, revision INTEGER NOT NULL, position TEXT NOT NULL,
        state TEXT NOT NULL, PRIMARY KEY (incident_id, revision)) WITHOUT ROWID;
      CREATE TABLE ${table('obligations')} (party TEXT NOT NULL, due_at TEXT, incident_id TEXT NOT NULL,
        ref TEXT NOT NULL, agreement_id TEXT NOT NULL, obligation TEXT NOT NULL,
        PRIMARY KEY (party, incident_id, ref)) WITHOUT ROWID;
      CREATE INDEX ${table('obligations_by_case')} ON ${table('obligations')} (incident_id);`),
  apply: (event, { db, table }) => {
    const id = event.data.incidentId;
    const row = db.prepare(`SELECT state, reported_at FROM ${table('cases')} WHERE incident_id = ?`).get(id) as
      { state: string; reported_at: string } | undefined;
    const before: IncidentState = row ? (JSON.parse(row.state) as IncidentState) : { status: 'NONE' };
    const after = evolveIncident(before, event);
    if (after.status === 'NONE') return;
    db.prepare(`INSERT OR REPLACE INTO ${table('cases')} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      id,
      after.agreementId,
      after.status,
      after.category,
      after.allegedPerpetrator,
      after.reporter.party ?? null,
      after.occurredAt,
      row?.reported_at ?? event.recordedAt,
      after.responseDeadlineMissed || after.responses.length > 0 ? null : after.responseDueAt,
      after.investigation && !after.investigation.deadlineMissed && after.status === 'UNDER_INVESTIGATION'
        ? after.investigation.dueAt
        : null,
      event.revision,
      event.position,
      JSON.stringify(after),
    );
    db.prepare(`DELETE FROM ${table('obligations')} WHERE incident_id = ?`).run(id);
    for (const owed of openObligations(after))
      db.prepare(`INSERT INTO ${table('obligations')} VALUES (?, ?, ?, ?, ?, ?)`).run(
        owed.party,
        owed.dueAt,
        id,
        owed.kind === 'MEASURE' ? `measure:${owed.measureId}` : 'response',
        owed.agreementId,
        // The case's level goes with it: a reader sees an obligation only where it may see the case.
        JSON.stringify({ ...owed, caseLevel: after.level }),
      );
    if ((event.revision + 1) % CASE_SNAPSHOT_EVERY === 0)
      db.prepare(`INSERT OR REPLACE INTO ${table('snapshots')} VALUES (?, ?, ?, ?)`).run(
        id,
        event.revision,
        event.position,
        JSON.stringify(after),
      );
  },
};
