import type { IncidentCase } from './incident.state';

/** What a case asks of a party now: to answer the allegation, or to carry out a consequence. */
export type CaseObligation =
  | { kind: 'RESPONSE'; party: string; incidentId: string; agreementId: string; dueAt: string; missed: boolean }
  | {
      kind: 'MEASURE';
      party: string;
      incidentId: string;
      agreementId: string;
      measureId: string;
      level: string;
      dueAt: string | null;
    };

const ANSWERABLE = new Set<IncidentCase['status']>(['REPORTED', 'ADMISSIBLE', 'UNDER_INVESTIGATION']);

/**
 * The open obligations a case puts on the parties: the accused party's response while the case is open
 * and it has not answered (marked missed once its window closed), and each outstanding measure.
 */
export const openObligations = (c: IncidentCase): CaseObligation[] => {
  const owed: CaseObligation[] = [];
  const accused = c.allegedPerpetrator;
  if (ANSWERABLE.has(c.status) && c.responseDueAt !== null && !c.responses.some((r) => r.party === accused))
    owed.push({
      kind: 'RESPONSE',
      party: accused,
      incidentId: c.incidentId,
      agreementId: c.agreementId,
      dueAt: c.responseDueAt,
      missed: c.responseDeadlineMissed,
    });
  for (const m of c.measures)
    if (m.status === 'OUTSTANDING')
      owed.push({
        kind: 'MEASURE',
        party: m.party,
        incidentId: c.incidentId,
        agreementId: c.agreementId,
        measureId: m.measureId,
        level: m.level,
        dueAt: m.dueAt,
      });
  return owed;
};
