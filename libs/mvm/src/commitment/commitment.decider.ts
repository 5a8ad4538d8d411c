import { conflict, type Decider, forbidden, invalid, notFound } from '@ceasefire/decider';
import { requireRole } from '../shared/actor';
import { requireActorOfAgreement } from '../shared/institutions';
import { isAfter, isAtOrAfter } from '../shared/time';
import type { CommitmentCommand } from './commitment.commands';
import type { CommitmentEvent } from './commitment.events';
import { type CommitmentState, evolveCommitment, initialCommitmentState } from './commitment.state';

type Defined = Exclude<CommitmentState, { status: 'NONE' }>;
const defined = (state: CommitmentState): Defined => {
  if (state.status === 'NONE') throw notFound('CommitmentNotFound', 'no such commitment');
  return state;
};

export const decideCommitment = (c: CommitmentCommand, state: CommitmentState): CommitmentEvent[] => {
  requireActorOfAgreement(c.actor, c.agreement);
  const ids = { commitmentId: c.commitmentId, agreementId: c.agreement.agreementId };
  switch (c.type) {
    case 'DefineCommitment': {
      requireRole(c.actor, ['mediator', 'admin'], 'define a commitment');
      if (state.status !== 'NONE') throw conflict('CommitmentAlreadyDefined', 'this commitment id is taken');
      if (!c.agreement.parties.includes(c.obligor))
        throw invalid('PartyOfAgreement', `obligor ${c.obligor} is not a party to the agreement`);
      if (!isAfter(c.dueAt, c.now)) throw invalid('DueInFuture', 'a commitment falls due after it is defined');
      if (!(c.target > 0)) throw invalid('PositiveTarget', 'the target must be above zero');
      const { obligor, title, indicator, target, unit, dueAt, evidenceRequired } = c;
      return [
        {
          type: 'CommitmentDefined',
          data: {
            ...ids,
            obligor,
            title,
            indicator,
            target,
            unit,
            dueAt,
            evidenceRequired,
            definedBy: c.actor.principalId,
          },
        },
      ];
    }
    case 'ReportProgress': {
      const commitment = defined(state);
      if (c.actor.role !== 'party' || c.actor.party !== commitment.obligor)
        throw forbidden(
          'ReportOwnCommitmentsOnly',
          `only the obligor (${commitment.obligor}) reports progress on this commitment`,
        );
      if (commitment.reports.some((r) => r.reportId === c.reportId))
        throw conflict('ReportIdTaken', 'this report id is taken');
      if (!(c.quantity >= 0)) throw invalid('QuantityNotNegative', 'quantity cannot be negative');
      const { reportId, quantity, description, evidence } = c;
      return [
        {
          type: 'ProgressReported',
          data: { ...ids, reportId, party: commitment.obligor, quantity, description, evidence },
        },
      ];
    }
    case 'VerifyProgress': {
      requireRole(c.actor, ['monitor'], 'verify progress');
      const commitment = defined(state);
      const report = commitment.reports.find((r) => r.reportId === c.reportId);
      if (!report) throw notFound('ReportNotFound', `no progress report ${c.reportId}`);
      if (report.verdict) throw conflict('AlreadyVerified', 'this report has been verified');
      const accepted = c.verdict === 'REJECTED' ? 0 : c.acceptedQuantity;
      if (accepted < 0 || accepted > report.quantity)
        throw invalid('AcceptedWithinReported', 'accepted quantity is between 0 and the reported quantity');
      const events: CommitmentEvent[] = [
        {
          type: 'ProgressVerified',
          data: {
            ...ids,
            reportId: c.reportId,
            verdict: c.verdict,
            acceptedQuantity: accepted,
            note: c.note,
            verifiedBy: c.actor.principalId,
          },
        },
      ];
      const total = commitment.acceptedTotal + accepted;
      if (commitment.status === 'OPEN' && total >= commitment.target)
        events.push({ type: 'CommitmentMet', data: { ...ids, at: c.now, acceptedTotal: total } });
      return events;
    }
    case 'MarkCommitmentDeadlineMissed': {
      const commitment = defined(state);
      // A commitment's date is the agreement's own; it is not marked missed while the agreement is suspended.
      if (c.agreement.status === 'SUSPENDED') return [];
      if (commitment.status !== 'OPEN' || !isAtOrAfter(c.now, commitment.dueAt)) return [];
      return [
        {
          type: 'CommitmentDeadlineMissed',
          data: {
            ...ids,
            obligor: commitment.obligor,
            dueAt: commitment.dueAt,
            acceptedTotal: commitment.acceptedTotal,
          },
        },
      ];
    }
    default: {
      const unexpected: never = c;
      return unexpected;
    }
  }
};

export const commitmentDecider: Decider<CommitmentCommand, CommitmentEvent, CommitmentState> = {
  decide: decideCommitment,
  evolve: evolveCommitment,
  initialState: initialCommitmentState,
};
