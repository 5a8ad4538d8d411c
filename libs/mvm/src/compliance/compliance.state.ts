import { eventTypesWhere } from '@ceasefire/decider';
import type { AgreementEvent } from '../agreement/agreement.events';
import type { CommitmentEvent } from '../commitment/commitment.events';
import type { IncidentEvent } from '../incident/incident.events';
import type { Severity } from '../incident/incident.vocabulary';

export type AgreementRecordEvent = AgreementEvent | IncidentEvent | CommitmentEvent;

/** The events that move compliance (evolveCompliance); every other event of an agreement's record leaves it as it is. */
export const COMPLIANCE_EVENT_TYPES = eventTypesWhere<AgreementRecordEvent>({
  AgreementRegistered: true,
  AgreementReaffirmed: false,
  AgreementSuspended: false,
  AgreementResumed: false,
  MeetingScheduled: false,
  MeetingHeld: false,
  IncidentReported: true,
  EvidenceRegistered: false,
  IncidentTriaged: true,
  AllegationResponded: false,
  ResponseDeadlineMissed: false,
  InvestigationOpened: false,
  VerificationDeadlineMissed: false,
  AccessDenied: true,
  FindingDrafted: false,
  FindingEndorsed: false,
  FindingAdoptionVoted: false,
  FindingAdopted: true,
  BreachConfirmed: true,
  DissentRecorded: false,
  DisputeFiled: true,
  DisputeRuled: true,
  BreachAmended: true,
  BreachVacated: true,
  MeasureRecorded: true,
  MeasureFulfilled: true,
  CaseClosed: true,
  CommitmentDefined: true,
  ProgressReported: false,
  ProgressVerified: true,
  CommitmentMet: true,
  CommitmentDeadlineMissed: true,
});

/**
 * Everything under one agreement that bears on compliance, folded from its events. Time-free:
 * what is overdue or at risk is decided when a report is asked for, as of a moment.
 */
export interface ComplianceState {
  agreementId: string | null;
  parties: { code: string; name: string }[];
  breaches: Record<
    string,
    { incidentId: string; parties: string[]; severity: Severity; category: string; vacated: boolean }
  >;
  allegations: Record<string, { against: string; category: string; occurredAt: string; pending: boolean }>;
  disputes: Record<string, { incidentId: string; findingId: string; party: string; open: boolean }>;
  accessDenials: Record<string, { incidentId: string; denialId: string; party: string; at: string }>;
  measures: Record<
    string,
    { incidentId: string; party: string; level: string; dueAt: string | null; fulfilled: boolean }
  >;
  commitments: Record<
    string,
    {
      obligor: string;
      title: string;
      dueAt: string;
      target: number;
      acceptedTotal: number;
      status: 'OPEN' | 'MET' | 'OVERDUE';
    }
  >;
}

export const initialComplianceState = (): ComplianceState => ({
  agreementId: null,
  parties: [],
  breaches: {},
  allegations: {},
  disputes: {},
  accessDenials: {},
  measures: {},
  commitments: {},
});

/** Finding, dispute and measure ids are local to their case; the case id makes them unique in the agreement. */
export const caseKey = (incidentId: string, localId: string): string => `${incidentId}/${localId}`;

const settle = (state: ComplianceState, incidentId: string): ComplianceState =>
  state.allegations[incidentId]
    ? {
        ...state,
        allegations: { ...state.allegations, [incidentId]: { ...state.allegations[incidentId], pending: false } },
      }
    : state;

/**
 * Which part of an agreement's compliance an event touches: the agreement itself, one incident case,
 * or one commitment. Every event reads and writes only its own slice, so compliance can be folded
 * slice by slice (each small) and the slices merged when a report is asked for.
 */
export const complianceSliceOf = (event: AgreementRecordEvent): string => {
  const data = event.data as { incidentId?: string; commitmentId?: string };
  if (event.type === 'AgreementRegistered') return 'agreement';
  if (data.incidentId !== undefined) return `incident:${data.incidentId}`;
  return `commitment:${data.commitmentId}`;
};

/** Slices of one agreement's compliance, each folded with evolveCompliance from its own events, as one state. */
export const mergeCompliance = (slices: ComplianceState[]): ComplianceState =>
  slices.reduce<ComplianceState>(
    (merged, s) => ({
      agreementId: merged.agreementId ?? s.agreementId,
      parties: merged.parties.length > 0 ? merged.parties : s.parties,
      breaches: { ...merged.breaches, ...s.breaches },
      allegations: { ...merged.allegations, ...s.allegations },
      disputes: { ...merged.disputes, ...s.disputes },
      accessDenials: { ...merged.accessDenials, ...s.accessDenials },
      measures: { ...merged.measures, ...s.measures },
      commitments: { ...merged.commitments, ...s.commitments },
    }),
    initialComplianceState(),
  );

export const evolveCompliance = (state: ComplianceState, event: AgreementRecordEvent): ComplianceState => {
  switch (event.type) {
    case 'AgreementRegistered':
      return { ...state, agreementId: event.data.agreementId, parties: event.data.parties };
    case 'IncidentReported': {
      const { incidentId, allegedPerpetrator, category, occurredAt } = event.data;
      return {
        ...state,
        allegations: {
          ...state.allegations,
          [incidentId]: { against: allegedPerpetrator, category, occurredAt, pending: true },
        },
      };
    }
    case 'IncidentTriaged':
      return event.data.decision === 'ADMISSIBLE' ? state : settle(state, event.data.incidentId);
    case 'FindingAdopted':
    case 'CaseClosed':
      return settle(state, event.data.incidentId);
    case 'BreachConfirmed': {
      const { findingId, incidentId, parties, severity, category } = event.data;
      const breach = { incidentId, parties, severity, category, vacated: false };
      return { ...state, breaches: { ...state.breaches, [caseKey(incidentId, findingId)]: breach } };
    }
    case 'BreachAmended': {
      const key = caseKey(event.data.incidentId, event.data.findingId);
      const previous = state.breaches[key];
      if (!previous) return state;
      const { parties, severity } = event.data;
      return { ...state, breaches: { ...state.breaches, [key]: { ...previous, parties, severity, vacated: false } } };
    }
    case 'BreachVacated': {
      const key = caseKey(event.data.incidentId, event.data.findingId);
      const previous = state.breaches[key];
      return previous ? { ...state, breaches: { ...state.breaches, [key]: { ...previous, vacated: true } } } : state;
    }
    case 'DisputeFiled': {
      const { disputeId, incidentId, findingId, party } = event.data;
      const dispute = { incidentId, findingId, party, open: true };
      return { ...state, disputes: { ...state.disputes, [caseKey(incidentId, disputeId)]: dispute } };
    }
    case 'DisputeRuled': {
      const key = caseKey(event.data.incidentId, event.data.disputeId);
      const d = state.disputes[key];
      const ruled = d ? { ...state, disputes: { ...state.disputes, [key]: { ...d, open: false } } } : state;
      // A remanded finding sends the allegation back to pending until a new finding is adopted.
      if (event.data.ruling !== 'REMANDED' || !ruled.allegations[event.data.incidentId]) return ruled;
      const a = ruled.allegations[event.data.incidentId];
      return { ...ruled, allegations: { ...ruled.allegations, [event.data.incidentId]: { ...a, pending: true } } };
    }
    case 'AccessDenied': {
      const { incidentId, denialId, deniedBy, at } = event.data;
      const denial = { incidentId, denialId, party: deniedBy, at };
      return { ...state, accessDenials: { ...state.accessDenials, [caseKey(incidentId, denialId)]: denial } };
    }
    case 'MeasureRecorded': {
      const { measureId, incidentId, party, level, dueAt } = event.data;
      const measure = { incidentId, party, level, dueAt, fulfilled: false };
      return { ...state, measures: { ...state.measures, [caseKey(incidentId, measureId)]: measure } };
    }
    case 'MeasureFulfilled': {
      const key = caseKey(event.data.incidentId, event.data.measureId);
      const m = state.measures[key];
      return m ? { ...state, measures: { ...state.measures, [key]: { ...m, fulfilled: true } } } : state;
    }
    case 'CommitmentDefined': {
      const { commitmentId, obligor, title, dueAt, target } = event.data;
      return {
        ...state,
        commitments: {
          ...state.commitments,
          [commitmentId]: { obligor, title, dueAt, target, acceptedTotal: 0, status: 'OPEN' },
        },
      };
    }
    case 'ProgressVerified': {
      const c = state.commitments[event.data.commitmentId];
      return c
        ? {
            ...state,
            commitments: {
              ...state.commitments,
              [event.data.commitmentId]: { ...c, acceptedTotal: c.acceptedTotal + event.data.acceptedQuantity },
            },
          }
        : state;
    }
    case 'CommitmentMet':
    case 'CommitmentDeadlineMissed': {
      const c = state.commitments[event.data.commitmentId];
      const status = event.type === 'CommitmentMet' ? 'MET' : 'OVERDUE';
      return c
        ? { ...state, commitments: { ...state.commitments, [event.data.commitmentId]: { ...c, status } } }
        : state;
    }
    default:
      return state;
  }
};
