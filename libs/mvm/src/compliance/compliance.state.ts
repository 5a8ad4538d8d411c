import { eventTypesWhere } from '@ceasefire/decider';
import type { AgreementEvent } from '../agreement/agreement.events';
import type { CommitmentEvent } from '../commitment/commitment.events';
import type { IncidentEvent } from '../incident/incident.events';
import type { Confidence, Severity } from '../incident/incident.vocabulary';
import type { ComplianceRulebook } from './compliance.rulebook';

export type AgreementRecordEvent = AgreementEvent | IncidentEvent | CommitmentEvent;

/** The events that move compliance (evolveCompliance); every other event of an agreement's record leaves it as it is. */
export const COMPLIANCE_EVENT_TYPES = eventTypesWhere<AgreementRecordEvent>({
  AgreementRegistered: true,
  AgreementReaffirmed: false,
  AgreementSuspended: true,
  AgreementResumed: true,
  RulebookAdoptionVoted: false,
  RulebookAdopted: true,
  ComplianceStatementPublished: false,
  MeetingScheduled: false,
  MeetingHeld: false,
  IncidentReported: true,
  EvidenceRegistered: false,
  IncidentTriaged: true,
  AllegationResponded: false,
  CaseClassified: false,
  InterviewRecorded: false,
  ResponseDeadlineMissed: false,
  InvestigationOpened: false,
  VerificationDeadlineMissed: false,
  AccessDenied: true,
  FindingDrafted: false,
  FindingEndorsed: false,
  FindingWithdrawn: false,
  FindingShared: false,
  FindingPublished: false,
  FindingAdoptionVoted: false,
  FindingAdopted: true,
  BreachConfirmed: true,
  DissentRecorded: false,
  DisputeFiled: true,
  DisputeRuled: true,
  DisputeRulingVoted: false,
  BreachAmended: true,
  BreachVacated: true,
  MeasureRecorded: true,
  MeasureVoted: false,
  MeasureFulfilled: true,
  MeasureLifted: true,
  MeasureLapsed: true,
  CaseClosed: true,
  CommitmentDefined: true,
  ProgressReported: false,
  ProgressVerified: true,
  CommitmentMet: true,
  CommitmentDeadlineMissed: true,
});

export interface BreachRow {
  incidentId: string;
  findingId: string;
  parties: string[];
  severity: Severity;
  category: string;
  confidence: Confidence;
  /** When the incident occurred (valid time): what a period or a cure rule counts from. */
  occurredAt: string;
  vacated: boolean;
}

export interface MeasureRow {
  incidentId: string;
  measureId: string;
  /** The breach (case key) it answers; null on older events. */
  breach: string | null;
  party: string;
  level: string;
  dueAt: string | null;
  status: 'OUTSTANDING' | 'FULFILLED' | 'LIFTED' | 'LAPSED';
  fulfilledAt: string | null;
}

/**
 * Everything under one agreement that bears on compliance, folded from its events. Time-free:
 * what is overdue or at risk is decided when a report is asked for, as of a moment.
 */
export interface ComplianceState {
  agreementId: string | null;
  parties: { code: string; name: string }[];
  /** Rulebooks the agreement adopted, in the order they take effect. */
  rulebooks: { effectiveFrom: string; rulebook: ComplianceRulebook }[];
  suspensions: { from: string; to: string | null }[];
  breaches: Record<string, BreachRow>;
  /** The confidence each adopted finding (or its amendment) states, for the breach it confirms. */
  confidences: Record<string, Confidence>;
  allegations: Record<string, { against: string; category: string; occurredAt: string; pending: boolean }>;
  disputes: Record<string, { incidentId: string; findingId: string; party: string; open: boolean }>;
  accessDenials: Record<string, { incidentId: string; denialId: string; party: string; at: string }>;
  measures: Record<string, MeasureRow>;
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
  rulebooks: [],
  suspensions: [],
  breaches: {},
  confidences: {},
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
  if (data.incidentId !== undefined) return `incident:${data.incidentId}`;
  if (data.commitmentId !== undefined) return `commitment:${data.commitmentId}`;
  return 'agreement';
};

/**
 * Slices of one agreement's compliance, each folded with evolveCompliance from its own events, as one
 * state. Their keys are disjoint, so the maps are gathered into fresh ones: linear in the slices.
 */
export const mergeCompliance = (slices: ComplianceState[]): ComplianceState => {
  const merged = initialComplianceState();
  for (const s of slices) {
    merged.agreementId ??= s.agreementId;
    if (merged.parties.length === 0) merged.parties = s.parties;
    if (merged.rulebooks.length === 0) merged.rulebooks = s.rulebooks;
    if (merged.suspensions.length === 0) merged.suspensions = s.suspensions;
    Object.assign(merged.breaches, s.breaches);
    Object.assign(merged.confidences, s.confidences);
    Object.assign(merged.allegations, s.allegations);
    Object.assign(merged.disputes, s.disputes);
    Object.assign(merged.accessDenials, s.accessDenials);
    Object.assign(merged.measures, s.measures);
    Object.assign(merged.commitments, s.commitments);
  }
  return merged;
};

const settleMeasure = (
  state: ComplianceState,
  incidentId: string,
  measureId: string,
  status: MeasureRow['status'],
  fulfilledAt: string | null,
): ComplianceState => {
  const key = caseKey(incidentId, measureId);
  const m = state.measures[key];
  return m ? { ...state, measures: { ...state.measures, [key]: { ...m, status, fulfilledAt } } } : state;
};

export const evolveCompliance = (state: ComplianceState, event: AgreementRecordEvent): ComplianceState => {
  switch (event.type) {
    case 'AgreementRegistered':
      return { ...state, agreementId: event.data.agreementId, parties: event.data.parties };
    case 'AgreementSuspended':
      return { ...state, suspensions: [...state.suspensions, { from: event.data.at, to: null }] };
    case 'AgreementResumed':
      return {
        ...state,
        suspensions: state.suspensions.map((s, i) =>
          i === state.suspensions.length - 1 && s.to === null ? { ...s, to: event.data.at } : s,
        ),
      };
    case 'RulebookAdopted': {
      const { effectiveFrom, rulebook } = event.data;
      return { ...state, rulebooks: [...state.rulebooks, { effectiveFrom, rulebook }] };
    }
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
    case 'FindingAdopted': {
      const key = caseKey(event.data.incidentId, event.data.findingId);
      const adopted = settle(state, event.data.incidentId);
      return { ...adopted, confidences: { ...adopted.confidences, [key]: event.data.confidence } };
    }
    case 'CaseClosed':
      return settle(state, event.data.incidentId);
    case 'BreachConfirmed':
    case 'BreachAmended': {
      // A ruling that amends a breach nobody confirmed (older events did this) confirms it, as the feed reads it.
      const { findingId, incidentId, parties, severity } = event.data;
      const key = caseKey(incidentId, findingId);
      const previous = state.breaches[key];
      const allegation = state.allegations[incidentId];
      const category =
        event.type === 'BreachConfirmed' ? event.data.category : (previous?.category ?? allegation?.category ?? '');
      const breach: BreachRow = {
        incidentId,
        findingId,
        parties,
        severity,
        category,
        confidence: state.confidences[key] ?? previous?.confidence ?? 'VERIFIED',
        occurredAt: allegation?.occurredAt ?? previous?.occurredAt ?? '',
        vacated: false,
      };
      return { ...state, breaches: { ...state.breaches, [key]: breach } };
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
      const disputes = d ? { ...state.disputes, [key]: { ...d, open: false } } : state.disputes;
      const amendment = event.data.amendment;
      const findingKey = caseKey(event.data.incidentId, event.data.findingId);
      const confidences = amendment ? { ...state.confidences, [findingKey]: amendment.confidence } : state.confidences;
      const ruled = { ...state, disputes, confidences };
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
      const { measureId, incidentId, party, level, dueAt, findingId } = event.data;
      const measure: MeasureRow = {
        incidentId,
        measureId,
        breach: findingId ? caseKey(incidentId, findingId) : null,
        party,
        level,
        dueAt,
        status: 'OUTSTANDING',
        fulfilledAt: null,
      };
      return { ...state, measures: { ...state.measures, [caseKey(incidentId, measureId)]: measure } };
    }
    case 'MeasureFulfilled':
      return settleMeasure(state, event.data.incidentId, event.data.measureId, 'FULFILLED', event.data.at);
    case 'MeasureLifted':
      return settleMeasure(state, event.data.incidentId, event.data.measureId, 'LIFTED', null);
    case 'MeasureLapsed':
      return settleMeasure(state, event.data.incidentId, event.data.measureId, 'LAPSED', null);
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
