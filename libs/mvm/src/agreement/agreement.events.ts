import { eventTypes } from '@ceasefire/decider';
import type { DomainEvent } from '@ceasefire/decider';
import type { ComplianceRulebook } from '../compliance/compliance.rulebook';

export interface Party {
  /** Short stable code, e.g. PK, AF. */
  code: string;
  name: string;
}

export interface Provision {
  id: string;
  text: string;
  /** The party bound by it, or ALL. */
  obligor: string;
}

/** How the mechanism works under this agreement (JMC/CTSAMVM terms of reference). */
export interface MechanismTerms {
  responseWindowHours: number;
  verificationDeadlineDays: number;
  disputeWindowDays: number;
  /** Distinct mediator institutions whose adoption a finding needs. */
  adoptionQuorum: number;
  /** Distinct mediator institutions a ruling on a dispute needs (absent on older agreements: one). */
  rulingQuorum?: number;
  /** Distinct mediator institutions a consequence needs (absent on older agreements: one). */
  measureQuorum?: number;
  /** When true, a party's writes must carry a Submission-Signature by one of its registered keys. */
  requireSignedSubmissions?: boolean;
  /** Checkpoints count as final for this agreement once k of these witnesses have cosigned them. */
  cosignaturePolicy?: { k: number; witnesses: string[] };
}

export type AgreementEvent =
  | DomainEvent<
      'AgreementRegistered',
      {
        agreementId: string;
        title: string;
        parties: Party[];
        /** The mediator institutions (codes such as TR, QA); mediator principals belong to one of them. */
        mediators: string[];
        /** The monitoring components; when listed, a monitor acts here only for one of them. */
        monitoringComponents?: string[];
        provisions: Provision[];
        terms: MechanismTerms;
        effectiveAt: string;
      }
    >
  | DomainEvent<'AgreementReaffirmed', { agreementId: string; at: string; venue: string; statement: string }>
  | DomainEvent<'AgreementSuspended', { agreementId: string; at: string; reason: string }>
  | DomainEvent<'AgreementResumed', { agreementId: string; at: string; reason: string }>
  | DomainEvent<
      'RulebookAdoptionVoted',
      {
        agreementId: string;
        version: string;
        effectiveFrom: string;
        rulebook: ComplianceRulebook;
        mediator: string;
        institution: string;
        votes: number;
        quorum: number;
      }
    >
  /** From effectiveFrom (never earlier than its adoption), compliance answers apply this rulebook. */
  | DomainEvent<
      'RulebookAdopted',
      { agreementId: string; effectiveFrom: string; rulebook: ComplianceRulebook; adoptedBy: string[] }
    >
  /** The mechanism's public word on compliance: each party's status as of a moment, under a rulebook, and a text. */
  | DomainEvent<
      'ComplianceStatementPublished',
      {
        agreementId: string;
        statementId: string;
        asOf: string;
        rulebookVersion: string;
        statuses: { party: string; status: string; label: string }[];
        text: string;
        publishedBy: string;
      }
    >
  | DomainEvent<
      'MeetingScheduled',
      { agreementId: string; meetingId: string; scheduledFor: string; venue: string; agenda: string[] }
    >
  | DomainEvent<'MeetingHeld', { agreementId: string; meetingId: string; heldAt: string; decisions: string[] }>;

export const AGREEMENT_EVENT_TYPES = eventTypes<AgreementEvent>({
  AgreementRegistered: true,
  AgreementReaffirmed: true,
  AgreementSuspended: true,
  AgreementResumed: true,
  RulebookAdoptionVoted: true,
  RulebookAdopted: true,
  ComplianceStatementPublished: true,
  MeetingScheduled: true,
  MeetingHeld: true,
});
