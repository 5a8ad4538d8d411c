import { eventTypesWhere } from '@ceasefire/decider';
import type { CommitmentEvent } from '../commitment/commitment.events';
import type { IncidentEvent } from '../incident/incident.events';

/**
 * What the breach feed carries: confirmed, amended or vacated breaches, consequences, access denials,
 * missed commitments. Every case and commitment event is classified here, so a new one is decided on.
 */
export const BREACH_EVENT_TYPES = eventTypesWhere<IncidentEvent | CommitmentEvent>({
  IncidentReported: false,
  EvidenceRegistered: false,
  IncidentTriaged: false,
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
  FindingAdopted: false,
  BreachConfirmed: true,
  DissentRecorded: false,
  DisputeFiled: false,
  DisputeRuled: false,
  DisputeRulingVoted: false,
  BreachAmended: true,
  BreachVacated: true,
  MeasureRecorded: true,
  MeasureVoted: false,
  MeasureFulfilled: true,
  MeasureLifted: true,
  MeasureLapsed: true,
  CaseClosed: false,
  CommitmentDefined: false,
  ProgressReported: false,
  ProgressVerified: false,
  CommitmentMet: false,
  CommitmentDeadlineMissed: true,
});
