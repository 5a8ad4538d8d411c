import type { RecordedEvent } from '@ceasefire/event-store';
import {
  type AgreementRecordEvent,
  caseKey,
  type ComplianceState,
  initialComplianceState,
  COMPLIANCE_EVENT_TYPES,
} from '@ceasefire/mvm';
import type { Projection, ProjectionTx } from '@ceasefire/projections';
import type Database from 'better-sqlite3';

/**
 * The compliance fold kept as rows, one per allegation, breach, dispute…, so each event touches only
 * its own rows (a single JSON document per agreement grew with every incident and made each event
 * cost O(incidents)). Its meaning is evolveCompliance's: the replay property test holds it to that.
 */
export const complianceProjection: Projection = {
  name: 'compliance',
  version: 2,
  handles: COMPLIANCE_EVENT_TYPES,
  setup: ({ db, table }) =>
    db.exec(`
      CREATE TABLE ${table('parties')} (agreement_id TEXT NOT NULL, ord INTEGER NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (agreement_id, code));
      CREATE TABLE ${table('positions')} (agreement_id TEXT PRIMARY KEY, position TEXT NOT NULL);
      CREATE TABLE ${table('allegations')} (incident_id TEXT PRIMARY KEY, agreement_id TEXT NOT NULL, against TEXT NOT NULL, category TEXT NOT NULL, occurred_at TEXT NOT NULL, pending INTEGER NOT NULL);
      CREATE TABLE ${table('breaches')} (finding_id TEXT NOT NULL, incident_id TEXT NOT NULL, agreement_id TEXT NOT NULL, parties TEXT NOT NULL, severity TEXT NOT NULL, category TEXT NOT NULL, vacated INTEGER NOT NULL, PRIMARY KEY (incident_id, finding_id));
      CREATE TABLE ${table('disputes')} (dispute_id TEXT NOT NULL, incident_id TEXT NOT NULL, agreement_id TEXT NOT NULL, finding_id TEXT NOT NULL, party TEXT NOT NULL, open INTEGER NOT NULL, PRIMARY KEY (incident_id, dispute_id));
      CREATE TABLE ${table('access_denials')} (seq INTEGER PRIMARY KEY AUTOINCREMENT, agreement_id TEXT NOT NULL, incident_id TEXT NOT NULL, denial_id TEXT NOT NULL, party TEXT NOT NULL, at TEXT NOT NULL);
      CREATE TABLE ${table('measures')} (measure_id TEXT NOT NULL, incident_id TEXT NOT NULL, agreement_id TEXT NOT NULL, party TEXT NOT NULL, level TEXT NOT NULL, due_at TEXT, fulfilled INTEGER NOT NULL, PRIMARY KEY (incident_id, measure_id));
      CREATE TABLE ${table('commitments')} (commitment_id TEXT PRIMARY KEY, agreement_id TEXT NOT NULL, obligor TEXT NOT NULL, title TEXT NOT NULL, due_at TEXT NOT NULL, target REAL NOT NULL, accepted_total REAL NOT NULL, status TEXT NOT NULL);
      ${['allegations', 'breaches', 'disputes', 'access_denials', 'measures', 'commitments'].map((t) => `CREATE INDEX ${table(`${t}_by_agreement`)} ON ${table(t)} (agreement_id);`).join('\n')}
    `),
  apply: (event, tx) => {
    applyCompliance(event, tx);
    const agreementId = (event.data as { agreementId: string }).agreementId;
    tx.db.prepare(`INSERT OR REPLACE INTO ${tx.table('positions')} VALUES (?, ?)`).run(agreementId, event.position);
  },
};

const applyCompliance = (event: RecordedEvent, { db, table }: ProjectionTx): void => {
  const e = { type: event.type, data: event.data } as AgreementRecordEvent;
  const run = (sql: string, ...params: unknown[]) =>
    db.prepare(sql.replace(/\{(\w+)\}/g, (_, t: string) => table(t))).run(...params);
  const settle = (incidentId: string) => run('UPDATE {allegations} SET pending = 0 WHERE incident_id = ?', incidentId);
  switch (e.type) {
    case 'AgreementRegistered':
      return e.data.parties.forEach((p, i) =>
        run('INSERT OR REPLACE INTO {parties} VALUES (?, ?, ?, ?)', e.data.agreementId, i, p.code, p.name),
      );
    case 'IncidentReported':
      return void run(
        'INSERT OR REPLACE INTO {allegations} VALUES (?, ?, ?, ?, ?, 1)',
        e.data.incidentId,
        e.data.agreementId,
        e.data.allegedPerpetrator,
        e.data.category,
        e.data.occurredAt,
      );
    case 'IncidentTriaged':
      return void (e.data.decision === 'ADMISSIBLE' ? undefined : settle(e.data.incidentId));
    case 'FindingAdopted':
    case 'CaseClosed':
      return void settle(e.data.incidentId);
    case 'BreachConfirmed': {
      const d = e.data;
      return void run(
        'INSERT OR REPLACE INTO {breaches} VALUES (?, ?, ?, ?, ?, ?, 0)',
        d.findingId,
        d.incidentId,
        d.agreementId,
        JSON.stringify(d.parties),
        d.severity,
        d.category,
      );
    }
    case 'BreachAmended':
      return void run(
        'UPDATE {breaches} SET parties = ?, severity = ?, vacated = 0 WHERE incident_id = ? AND finding_id = ?',
        JSON.stringify(e.data.parties),
        e.data.severity,
        e.data.incidentId,
        e.data.findingId,
      );
    case 'BreachVacated':
      return void run(
        'UPDATE {breaches} SET vacated = 1 WHERE incident_id = ? AND finding_id = ?',
        e.data.incidentId,
        e.data.findingId,
      );
    case 'DisputeFiled': {
      const d = e.data;
      return void run(
        'INSERT OR REPLACE INTO {disputes} VALUES (?, ?, ?, ?, ?, 1)',
        d.disputeId,
        d.incidentId,
        d.agreementId,
        d.findingId,
        d.party,
      );
    }
    case 'DisputeRuled':
      run(
        'UPDATE {disputes} SET open = 0 WHERE incident_id = ? AND dispute_id = ?',
        e.data.incidentId,
        e.data.disputeId,
      );
      // A remanded finding sends the allegation back to pending until a new finding is adopted.
      return void (e.data.ruling === 'REMANDED'
        ? run('UPDATE {allegations} SET pending = 1 WHERE incident_id = ?', e.data.incidentId)
        : undefined);
    case 'AccessDenied': {
      const d = e.data;
      return void run(
        'INSERT INTO {access_denials} (agreement_id, incident_id, denial_id, party, at) VALUES (?, ?, ?, ?, ?)',
        d.agreementId,
        d.incidentId,
        d.denialId,
        d.deniedBy,
        d.at,
      );
    }
    case 'MeasureRecorded': {
      const d = e.data;
      return void run(
        'INSERT OR REPLACE INTO {measures} VALUES (?, ?, ?, ?, ?, ?, 0)',
        d.measureId,
        d.incidentId,
        d.agreementId,
        d.party,
        d.level,
        d.dueAt,
      );
    }
    case 'MeasureFulfilled':
      return void run(
        'UPDATE {measures} SET fulfilled = 1 WHERE incident_id = ? AND measure_id = ?',
        e.data.incidentId,
        e.data.measureId,
      );
    case 'CommitmentDefined': {
      const d = e.data;
      return void run(
        "INSERT OR REPLACE INTO {commitments} VALUES (?, ?, ?, ?, ?, ?, 0, 'OPEN')",
        d.commitmentId,
        d.agreementId,
        d.obligor,
        d.title,
        d.dueAt,
        d.target,
      );
    }
    case 'ProgressVerified':
      return void run(
        'UPDATE {commitments} SET accepted_total = accepted_total + ? WHERE commitment_id = ?',
        e.data.acceptedQuantity,
        e.data.commitmentId,
      );
    case 'CommitmentMet':
    case 'CommitmentDeadlineMissed':
      return void run(
        'UPDATE {commitments} SET status = ? WHERE commitment_id = ?',
        e.type === 'CommitmentMet' ? 'MET' : 'OVERDUE',
        e.data.commitmentId,
      );
    default:
      return;
  }
};

/** Reassembles one agreement's ComplianceState from its rows, in the shape the fold produces. */
export const complianceStateOf = (
  db: Database.Database,
  table: (name: string) => string,
  agreementId: string,
): ComplianceState | undefined => {
  const rows = <T>(sql: string) =>
    db.prepare(sql.replace(/\{(\w+)\}/g, (_, t: string) => table(t))).all(agreementId) as T[];
  const parties = rows<{ code: string; name: string }>(
    'SELECT code, name FROM {parties} WHERE agreement_id = ? ORDER BY ord',
  );
  if (parties.length === 0) return undefined;
  const state: ComplianceState = { ...initialComplianceState(), agreementId, parties };
  for (const a of rows<{
    incident_id: string;
    against: string;
    category: string;
    occurred_at: string;
    pending: number;
  }>('SELECT * FROM {allegations} WHERE agreement_id = ?'))
    state.allegations[a.incident_id] = {
      against: a.against,
      category: a.category,
      occurredAt: a.occurred_at,
      pending: a.pending === 1,
    };
  for (const b of rows<{
    finding_id: string;
    incident_id: string;
    parties: string;
    severity: string;
    category: string;
    vacated: number;
  }>('SELECT * FROM {breaches} WHERE agreement_id = ?'))
    state.breaches[caseKey(b.incident_id, b.finding_id)] = {
      incidentId: b.incident_id,
      parties: JSON.parse(b.parties) as string[],
      severity: b.severity as never,
      category: b.category,
      vacated: b.vacated === 1,
    };
  for (const d of rows<{ dispute_id: string; incident_id: string; finding_id: string; party: string; open: number }>(
    'SELECT * FROM {disputes} WHERE agreement_id = ?',
  ))
    state.disputes[caseKey(d.incident_id, d.dispute_id)] = {
      incidentId: d.incident_id,
      findingId: d.finding_id,
      party: d.party,
      open: d.open === 1,
    };
  state.accessDenials = rows<{ incident_id: string; denial_id: string; party: string; at: string }>(
    'SELECT * FROM {access_denials} WHERE agreement_id = ? ORDER BY seq',
  ).map((d) => ({
    incidentId: d.incident_id,
    denialId: d.denial_id,
    party: d.party,
    at: d.at,
  }));
  for (const m of rows<{
    measure_id: string;
    incident_id: string;
    party: string;
    level: string;
    due_at: string | null;
    fulfilled: number;
  }>('SELECT * FROM {measures} WHERE agreement_id = ?'))
    state.measures[caseKey(m.incident_id, m.measure_id)] = {
      incidentId: m.incident_id,
      party: m.party,
      level: m.level,
      dueAt: m.due_at,
      fulfilled: m.fulfilled === 1,
    };
  for (const c of rows<{
    commitment_id: string;
    obligor: string;
    title: string;
    due_at: string;
    target: number;
    accepted_total: number;
    status: 'OPEN' | 'MET' | 'OVERDUE';
  }>('SELECT * FROM {commitments} WHERE agreement_id = ?'))
    state.commitments[c.commitment_id] = {
      obligor: c.obligor,
      title: c.title,
      dueAt: c.due_at,
      target: c.target,
      acceptedTotal: c.accepted_total,
      status: c.status,
    };
  return state;
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
