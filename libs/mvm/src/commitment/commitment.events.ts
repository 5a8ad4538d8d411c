import { eventTypes } from '@ceasefire/decider';
import type { DomainEvent } from '@ceasefire/decider';

type E<Type extends string, Data> = DomainEvent<Type, { commitmentId: string; agreementId: string } & Data>;

export type CommitmentEvent =
  | E<
      'CommitmentDefined',
      {
        obligor: string;
        title: string;
        indicator: string;
        target: number;
        unit: string;
        dueAt: string;
        evidenceRequired: string;
        definedBy: string;
      }
    >
  | E<
      'ProgressReported',
      { reportId: string; party: string; quantity: number; description: string; evidence: string[] }
    >
  | E<
      'ProgressVerified',
      { reportId: string; verdict: 'ACCEPTED' | 'REJECTED'; acceptedQuantity: number; note: string; verifiedBy: string }
    >
  | E<'CommitmentMet', { at: string; acceptedTotal: number }>
  | E<'CommitmentDeadlineMissed', { obligor: string; dueAt: string; acceptedTotal: number }>;

export const COMMITMENT_EVENT_TYPES = eventTypes<CommitmentEvent>({
  CommitmentDefined: true,
  ProgressReported: true,
  ProgressVerified: true,
  CommitmentMet: true,
  CommitmentDeadlineMissed: true,
});
