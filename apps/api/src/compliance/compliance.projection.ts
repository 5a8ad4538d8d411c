import {
  type AgreementRecordEvent,
  type ComplianceState,
  evolveCompliance,
  initialComplianceState,
} from '@ceasefire/mvm';
import type { Projection } from '@ceasefire/projections';

/** Event types that move compliance; everything else leaves the fold unchanged. */
export const COMPLIANCE_EVENT_TYPES = [
  'AgreementRegistered',
  'IncidentReported',
  'IncidentTriaged',
  'FindingAdopted',
  'CaseClosed',
  'BreachConfirmed',
  'BreachAmended',
  'BreachVacated',
  'DisputeFiled',
  'DisputeRuled',
  'AccessDenied',
  'MeasureRecorded',
  'MeasureFulfilled',
  'CommitmentDefined',
  'ProgressVerified',
  'CommitmentMet',
  'CommitmentDeadlineMissed',
];

/** The live compliance fold per agreement; the as-of answers replay the same fold over the log. */
export const complianceProjection: Projection = {
  name: 'compliance',
  version: 1,
  handles: COMPLIANCE_EVENT_TYPES,
  setup: ({ db, table }) =>
    db.exec(
      `CREATE TABLE ${table('agreements')} (agreement_id TEXT PRIMARY KEY, position TEXT NOT NULL, state TEXT NOT NULL)`,
    ),
  apply: (event, { db, table }) => {
    const agreementId = (event.data as { agreementId: string }).agreementId;
    const row = db.prepare(`SELECT state FROM ${table('agreements')} WHERE agreement_id = ?`).get(agreementId) as
      { state: string } | undefined;
    const before: ComplianceState = row ? (JSON.parse(row.state) as ComplianceState) : initialComplianceState();
    const after = evolveCompliance(before, { type: event.type, data: event.data } as AgreementRecordEvent);
    db.prepare(`INSERT OR REPLACE INTO ${table('agreements')} VALUES (?, ?, ?)`).run(
      agreementId,
      event.position,
      JSON.stringify(after),
    );
  },
};
