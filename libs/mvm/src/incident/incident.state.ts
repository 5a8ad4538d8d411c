import { type PendingVotes, recordVote, type Vote } from '../shared/institutions';
import type { Sealed } from '../shared/sealed';
import { type ClassificationLevel, DEFAULT_CASE_LEVEL } from './classification';
import type { Conclusion, IncidentEvent, Location, Reporter } from './incident.events';
import type { IncidentCategory, ResponseKind, Ruling } from './incident.vocabulary';

export type CaseStatus =
  'REPORTED' | 'ADMISSIBLE' | 'INADMISSIBLE' | 'DUPLICATE' | 'UNDER_INVESTIGATION' | 'FINDING_ADOPTED' | 'CLOSED';

export interface FindingState extends Conclusion {
  findingId: string;
  status: 'DRAFT' | 'ENDORSED' | 'ADOPTED' | 'VACATED' | 'WITHDRAWN';
  rationale: string;
  draftedBy: string;
  endorsedBy: string | null;
  adoptionVotes: Vote[];
  adoptedAt: string | null;
  disputeWindowEndsAt: string | null;
  dissents: { by: string; component: string; text: string }[];
  /** Shown to the parties before adoption. */
  shared?: boolean;
  /** Part of the public record. */
  published?: boolean;
}

/** The case file: everything a mediator needs to see to settle a dispute over this incident. */
export interface IncidentCase {
  incidentId: string;
  agreementId: string;
  status: CaseStatus;
  category: IncidentCategory;
  reporter: Reporter;
  occurredAt: string;
  location: Location;
  allegedPerpetrator: string;
  description: string;
  responseDueAt: string | null;
  responseDeadlineMissed: boolean;
  responses: { party: string; response: ResponseKind; statement: string }[];
  evidence: { evidenceId: string; sha256: string; mediaType: string; custodian: string }[];
  level: ClassificationLevel;
  interviews: {
    interviewId: string;
    witness: Sealed;
    source: { ref: string; digest: string } | null;
    summary: string;
    recordedBy: string;
  }[];
  investigation: { dueAt: string; deadlineMissed: boolean } | null;
  accessDenials: { denialId: string; deniedBy: string; at: string }[];
  findings: FindingState[];
  disputes: {
    disputeId: string;
    findingId: string;
    party: string;
    status: 'OPEN' | 'RULED';
    ruling: Ruling | null;
    /** Votes per proposed ruling (its canonical text), until one reaches the ruling quorum. */
    rulingVotes: Record<string, Vote[]>;
  }[];
  measures: MeasureState[];
  /** Votes on consequences not yet decided, by measure id. */
  measureVotes: PendingVotes;
  closedReason: string | null;
}

export interface MeasureState {
  measureId: string;
  party: string;
  level: string;
  dueAt: string | null;
  /** The breach it answers; null on older events (any breach of the party in this case). */
  findingId: string | null;
  status: 'OUTSTANDING' | 'FULFILLED' | 'LIFTED' | 'LAPSED';
  fulfilledAt: string | null;
}

export type IncidentState = { status: 'NONE' } | IncidentCase;

export const initialIncidentState = (): IncidentState => ({ status: 'NONE' });

const updateFinding = (
  state: IncidentCase,
  findingId: string,
  change: (f: FindingState) => FindingState,
): IncidentCase => ({
  ...state,
  findings: state.findings.map((f) => (f.findingId === findingId ? change(f) : f)),
});

const updateMeasure = (state: IncidentCase, measureId: string, change: Partial<MeasureState>): IncidentCase => ({
  ...state,
  measures: state.measures.map((m) => (m.measureId === measureId ? { ...m, ...change } : m)),
});

/** Two votes back the same ruling when they propose the same ruling and amendment (key order aside). */
export const rulingProposal = (ruling: Ruling, amendment: Conclusion | null): string =>
  JSON.stringify([
    ruling,
    amendment && [amendment.outcome, [...amendment.attributedParties].sort(), amendment.severity, amendment.confidence],
  ]);

/** Votes on a measure back the same consequence: party, level, description, due date and the breach it answers. */
export const measureProposal = (m: {
  findingId: string;
  party: string;
  level: string;
  description: string;
  dueAt: string | null;
}): string => JSON.stringify([m.findingId, m.party, m.level, m.description, m.dueAt]);

export const evolveIncident = (state: IncidentState, event: IncidentEvent): IncidentState => {
  if (event.type === 'IncidentReported') {
    const d = event.data;
    return {
      incidentId: d.incidentId,
      agreementId: d.agreementId,
      status: 'REPORTED',
      category: d.category,
      reporter: d.reporter,
      occurredAt: d.occurredAt,
      location: d.location,
      allegedPerpetrator: d.allegedPerpetrator,
      description: d.description,
      responseDueAt: d.responseDueAt,
      responseDeadlineMissed: false,
      responses: [],
      evidence: [],
      level: DEFAULT_CASE_LEVEL,
      interviews: [],
      investigation: null,
      accessDenials: [],
      findings: [],
      disputes: [],
      measures: [],
      measureVotes: {},
      closedReason: null,
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'EvidenceRegistered': {
      const { evidenceId, sha256, mediaType, custodian } = event.data;
      return { ...state, evidence: [...state.evidence, { evidenceId, sha256, mediaType, custodian }] };
    }
    case 'IncidentTriaged':
      return { ...state, status: event.data.decision };
    case 'CaseClassified':
      return { ...state, level: event.data.level };
    case 'InterviewRecorded': {
      const { interviewId, witness, source, summary, recordedBy } = event.data;
      return { ...state, interviews: [...state.interviews, { interviewId, witness, source, summary, recordedBy }] };
    }
    case 'AllegationResponded': {
      const { party, response, statement } = event.data;
      return { ...state, responses: [...state.responses, { party, response, statement }] };
    }
    case 'ResponseDeadlineMissed':
      return { ...state, responseDeadlineMissed: true };
    case 'InvestigationOpened':
      return {
        ...state,
        status: 'UNDER_INVESTIGATION',
        investigation: { dueAt: event.data.dueAt, deadlineMissed: false },
      };
    case 'VerificationDeadlineMissed':
      return state.investigation
        ? { ...state, investigation: { ...state.investigation, deadlineMissed: true } }
        : state;
    case 'AccessDenied': {
      const { denialId, deniedBy, at } = event.data;
      return { ...state, accessDenials: [...state.accessDenials, { denialId, deniedBy, at }] };
    }
    case 'FindingDrafted': {
      const { findingId, outcome, attributedParties, severity, confidence, rationale, draftedBy } = event.data;
      const finding: FindingState = {
        findingId,
        status: 'DRAFT',
        outcome,
        attributedParties,
        severity,
        confidence,
        rationale,
        draftedBy,
        endorsedBy: null,
        adoptionVotes: [],
        adoptedAt: null,
        disputeWindowEndsAt: null,
        dissents: [],
      };
      return { ...state, findings: [...state.findings, finding] };
    }
    case 'FindingEndorsed':
      return updateFinding(state, event.data.findingId, (f) => ({
        ...f,
        status: 'ENDORSED',
        endorsedBy: event.data.endorsedBy,
      }));
    case 'FindingShared':
      return updateFinding(state, event.data.findingId, (f) => ({ ...f, shared: true }));
    case 'FindingPublished':
      return updateFinding(state, event.data.findingId, (f) => ({ ...f, published: true }));
    case 'FindingWithdrawn':
      return updateFinding(state, event.data.findingId, (f) => ({ ...f, status: 'WITHDRAWN' }));
    case 'FindingAdoptionVoted': {
      const { mediator, institution } = event.data;
      return updateFinding(state, event.data.findingId, (f) => ({
        ...f,
        adoptionVotes: [...f.adoptionVotes, { principalId: mediator, institution: institution ?? mediator }],
      }));
    }
    case 'FindingAdopted': {
      const { adoptedAt, disputeWindowEndsAt } = event.data;
      return {
        ...updateFinding(state, event.data.findingId, (f) => ({
          ...f,
          status: 'ADOPTED',
          adoptedAt,
          disputeWindowEndsAt,
        })),
        status: 'FINDING_ADOPTED',
      };
    }
    case 'DissentRecorded': {
      const { by, component, text } = event.data;
      return updateFinding(state, event.data.findingId, (f) => ({
        ...f,
        dissents: [...f.dissents, { by, component, text }],
      }));
    }
    case 'DisputeFiled': {
      const { disputeId, findingId, party } = event.data;
      const dispute = { disputeId, findingId, party, status: 'OPEN' as const, ruling: null, rulingVotes: {} };
      return { ...state, disputes: [...state.disputes, dispute] };
    }
    case 'DisputeRulingVoted': {
      const { disputeId, ruling, amendment, mediator, institution } = event.data;
      const key = rulingProposal(ruling, amendment);
      return {
        ...state,
        disputes: state.disputes.map((d) =>
          d.disputeId === disputeId
            ? {
                ...d,
                rulingVotes: {
                  ...d.rulingVotes,
                  [key]: [...(d.rulingVotes[key] ?? []), { principalId: mediator, institution }],
                },
              }
            : d,
        ),
      };
    }
    case 'DisputeRuled': {
      const { disputeId, findingId, ruling, amendment } = event.data;
      const ruled = {
        ...state,
        disputes: state.disputes.map((d) =>
          d.disputeId === disputeId ? { ...d, status: 'RULED' as const, ruling } : d,
        ),
      };
      if (ruling === 'AMENDED' && amendment) return updateFinding(ruled, findingId, (f) => ({ ...f, ...amendment }));
      if (ruling === 'VACATED') return updateFinding(ruled, findingId, (f) => ({ ...f, status: 'VACATED' }));
      if (ruling === 'REMANDED') {
        const dueAt = event.data.investigationDueAt ?? state.investigation?.dueAt;
        return {
          ...updateFinding(ruled, findingId, (f) => ({ ...f, status: 'VACATED' })),
          status: 'UNDER_INVESTIGATION',
          investigation: dueAt ? { dueAt, deadlineMissed: false } : state.investigation,
        };
      }
      return ruled;
    }
    case 'BreachConfirmed':
    case 'BreachAmended':
    case 'BreachVacated':
      return state;
    case 'MeasureVoted':
      return {
        ...state,
        measureVotes: recordVote(
          state.measureVotes,
          event.data.measureId,
          () => measureProposal(event.data),
          event.data,
        ),
      };
    case 'MeasureRecorded': {
      const { measureId, party, level, dueAt, findingId } = event.data;
      const measure: MeasureState = {
        measureId,
        party,
        level,
        dueAt,
        findingId: findingId ?? null,
        status: 'OUTSTANDING',
        fulfilledAt: null,
      };
      const { [measureId]: _decided, ...measureVotes } = state.measureVotes;
      return { ...state, measures: [...state.measures, measure], measureVotes };
    }
    case 'MeasureFulfilled':
      return updateMeasure(state, event.data.measureId, { status: 'FULFILLED', fulfilledAt: event.data.at });
    case 'MeasureLifted':
      return updateMeasure(state, event.data.measureId, { status: 'LIFTED' });
    case 'MeasureLapsed':
      return updateMeasure(state, event.data.measureId, { status: 'LAPSED' });
    case 'CaseClosed':
      return { ...state, status: 'CLOSED', closedReason: event.data.reason };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
};
