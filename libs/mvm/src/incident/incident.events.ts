import { eventTypes } from '@ceasefire/decider';
import type { DomainEvent } from '@ceasefire/decider';
import type { Sealed } from '../shared/sealed';
import type { ClassificationLevel } from './classification';
import type {
  Confidence,
  DisputeGrounds,
  FindingOutcome,
  IncidentCategory,
  MeasureLevel,
  ResponseKind,
  Ruling,
  Severity,
  TimePrecision,
  TriageDecision,
} from './incident.vocabulary';

export interface Reporter {
  kind: 'PARTY' | 'MONITOR' | 'PUBLIC_SOURCE';
  party?: string;
  principalId: string;
  /** For a public source: who said it, where. */
  source?: string;
  /** How to reach the reporter, sealed under a key of its own (personal data, erasable). */
  contact?: Sealed;
}

export interface Location {
  lat: number;
  lon: number;
  precisionKm: number;
  place: string;
}

export interface Casualties {
  low: number;
  best: number;
  high: number;
}

/** What a finding concludes; amended rulings carry a new one. */
export interface Conclusion {
  outcome: FindingOutcome;
  attributedParties: string[];
  severity: Severity | null;
  confidence: Confidence;
}

type E<Type extends string, Data> = DomainEvent<Type, { incidentId: string; agreementId: string } & Data>;

export type IncidentEvent =
  | E<
      'IncidentReported',
      {
        reporter: Reporter;
        occurredAt: string;
        occurredAtPrecision: TimePrecision;
        location: Location;
        category: IncidentCategory;
        allegedPerpetrator: string;
        provisionsCited: string[];
        casualties: Casualties;
        description: string;
        responseDueAt: string | null;
      }
    >
  | E<
      'EvidenceRegistered',
      {
        evidenceId: string;
        sha256: string;
        mediaType: string;
        custodian: string;
        description: string;
        registeredBy: string;
      }
    >
  | E<'IncidentTriaged', { decision: TriageDecision; duplicateOf: string | null; reason: string; triagedBy: string }>
  | E<'AllegationResponded', { party: string; response: ResponseKind; statement: string }>
  /** Who may read the case from now on (the default, before any such event, is PARTIES). */
  | E<'CaseClassified', { level: ClassificationLevel; reason: string; classifiedBy: string }>
  /**
   * An interview with a witness: who the witness is stays sealed under the witness's own key; a protected
   * source is named only by its reference in the source register, which is kept off the log.
   */
  | E<
      'InterviewRecorded',
      {
        interviewId: string;
        witness: Sealed;
        source: { ref: string; digest: string } | null;
        summary: string;
        recordedBy: string;
      }
    >
  | E<'ResponseDeadlineMissed', { party: string; dueAt: string }>
  | E<'InvestigationOpened', { openedBy: string; dueAt: string }>
  | E<'VerificationDeadlineMissed', { dueAt: string }>
  | E<
      'AccessDenied',
      { denialId: string; deniedBy: string; at: string; place: string; description: string; recordedBy: string }
    >
  | E<'FindingDrafted', Conclusion & { findingId: string; rationale: string; draftedBy: string }>
  | E<'FindingEndorsed', { findingId: string; endorsedBy: string }>
  | E<'FindingWithdrawn', { findingId: string; reason: string; withdrawnBy: string }>
  /** A draft or endorsed finding shown to the parties before adoption (they may comment or dissent). */
  | E<'FindingShared', { findingId: string; sharedBy: string }>
  /** An adopted finding made part of the public record, whatever the case's level. */
  | E<'FindingPublished', { findingId: string; publishedBy: string; at: string }>
  | E<
      'FindingAdoptionVoted',
      {
        findingId: string;
        mediator: string;
        /** The mediator institution the vote counts for (absent on older events: each account counted alone). */
        institution?: string;
        votes: number;
        quorum: number;
      }
    >
  | E<
      'FindingAdopted',
      Conclusion & { findingId: string; adoptedBy: string[]; adoptedAt: string; disputeWindowEndsAt: string }
    >
  | E<
      'BreachConfirmed',
      { findingId: string; parties: string[]; severity: Severity; category: IncidentCategory; outcome: FindingOutcome }
    >
  | E<'DissentRecorded', { findingId: string; by: string; component: string; text: string }>
  | E<
      'DisputeFiled',
      { disputeId: string; findingId: string; party: string; grounds: DisputeGrounds; statement: string }
    >
  | E<
      'DisputeRuled',
      {
        disputeId: string;
        findingId: string;
        ruling: Ruling;
        rationale: string;
        amendment: Conclusion | null;
        ruledBy: string;
        /** A remand reopens the investigation with a new due date (absent on other rulings and on older events). */
        investigationDueAt?: string;
      }
    >
  | E<
      'DisputeRulingVoted',
      {
        disputeId: string;
        findingId: string;
        ruling: Ruling;
        amendment: Conclusion | null;
        rationale: string;
        mediator: string;
        institution: string;
        votes: number;
        quorum: number;
      }
    >
  | E<'BreachAmended', { findingId: string; parties: string[]; severity: Severity; outcome: FindingOutcome }>
  | E<'BreachVacated', { findingId: string; reason: Ruling }>
  | E<
      'MeasureRecorded',
      {
        measureId: string;
        party: string;
        level: MeasureLevel;
        description: string;
        dueAt: string | null;
        decidedBy: string;
        /** The breach the measure answers (absent on older events: any breach of the party in the case). */
        findingId?: string;
      }
    >
  | E<
      'MeasureVoted',
      {
        measureId: string;
        findingId: string;
        party: string;
        level: MeasureLevel;
        description: string;
        dueAt: string | null;
        mediator: string;
        institution: string;
        votes: number;
        quorum: number;
      }
    >
  | E<'MeasureFulfilled', { measureId: string; at: string; note: string; recordedBy: string }>
  | E<'MeasureLifted', { measureId: string; party: string; at: string; reason: string; liftedBy: string }>
  /** A measure stops being owed because the breach it answered no longer stands against its party. */
  | E<'MeasureLapsed', { measureId: string; party: string; findingId: string; reason: Ruling }>
  | E<'CaseClosed', { reason: string; closedBy: string }>;

export type IncidentEventType = IncidentEvent['type'];

export const INCIDENT_EVENT_TYPES = eventTypes<IncidentEvent>({
  IncidentReported: true,
  EvidenceRegistered: true,
  IncidentTriaged: true,
  AllegationResponded: true,
  CaseClassified: true,
  InterviewRecorded: true,
  ResponseDeadlineMissed: true,
  InvestigationOpened: true,
  VerificationDeadlineMissed: true,
  AccessDenied: true,
  FindingDrafted: true,
  FindingEndorsed: true,
  FindingWithdrawn: true,
  FindingShared: true,
  FindingPublished: true,
  FindingAdoptionVoted: true,
  FindingAdopted: true,
  BreachConfirmed: true,
  DissentRecorded: true,
  DisputeFiled: true,
  DisputeRuled: true,
  DisputeRulingVoted: true,
  BreachAmended: true,
  BreachVacated: true,
  MeasureRecorded: true,
  MeasureVoted: true,
  MeasureFulfilled: true,
  MeasureLifted: true,
  MeasureLapsed: true,
  CaseClosed: true,
});
