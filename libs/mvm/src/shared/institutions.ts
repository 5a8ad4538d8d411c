import { conflict, forbidden } from '@ceasefire/decider';
import type { AgreementContext } from '../agreement/agreement-context';
import type { Actor } from './actor';

/** One institution's vote: older events carry no institution, so each account then counted alone. */
export interface Vote {
  principalId: string;
  institution: string;
}

/** The mediator institution an actor speaks for in this agreement; a mediator of no listed institution may not. */
export const mediatorInstitutionOf = (actor: Actor, agreement: { mediators: string[] }): string => {
  if (!actor.institution)
    throw forbidden('MediatorOfInstitution', 'this mediator principal belongs to no mediator institution');
  if (!agreement.mediators.includes(actor.institution))
    throw forbidden(
      'MediatorOfAgreement',
      `${actor.institution} is not a mediator of this agreement (mediators: ${agreement.mediators.join(', ')})`,
    );
  return actor.institution;
};

/**
 * Who may act in an agreement at all: a principal scoped to agreements only in those, a party principal
 * only where its party is a party, a monitor only for a listed component. Roles are checked per rule.
 */
export const requireActorOfAgreement = (actor: Actor, agreement: AgreementContext): void => {
  if (actor.agreements && !actor.agreements.includes(agreement.agreementId))
    throw forbidden('PrincipalScopedToAgreements', 'this principal is not scoped to this agreement');
  if (actor.role === 'party' && (!actor.party || !agreement.parties.includes(actor.party)))
    throw forbidden(
      'PartyPrincipalOfAgreement',
      `${actor.party ?? 'this principal'} is not a party to this agreement and cannot act under it`,
    );
  requireMonitorOfAgreement(actor, agreement);
};

/** Monitors of a component the agreement does not list do not act in it. */
export const requireMonitorOfAgreement = (actor: Actor, agreement: AgreementContext): void => {
  const components = agreement.monitoringComponents;
  if (actor.role !== 'monitor' || !components?.length) return;
  if (!actor.component || !components.includes(actor.component))
    throw forbidden(
      'MonitorOfAgreement',
      `this monitor's component (${actor.component ?? 'none'}) is not a monitoring component of this agreement`,
    );
};

/**
 * A joint decision counts distinct institutions: a second account of an institution that has voted adds
 * nothing, and is refused so the record never suggests otherwise.
 */
export const castVote = (votes: Vote[], actor: Actor, institution: string): Vote[] => {
  if (votes.some((v) => v.principalId === actor.principalId))
    throw conflict('AlreadyVoted', 'this mediator has already voted on this decision');
  if (votes.some((v) => v.institution === institution))
    throw conflict('InstitutionAlreadyVoted', `${institution} has already voted on this decision`);
  return [...votes, { principalId: actor.principalId, institution }];
};

/** Whoever reported the incident takes no part in deciding it. */
export const requireNotReporter = (actor: Actor, reporterPrincipalId: string, action: string): void => {
  if (actor.principalId === reporterPrincipalId)
    throw forbidden('ReporterRecused', `the principal who reported this incident may not ${action}`);
};

/** Votes cast so far on decisions named by an id, each vote for one proposal (its canonical text). */
export type PendingVotes = Record<string, { proposal: string; votes: Vote[] }>;

/** Folds a recorded vote into the pending ones: the first vote on an id fixes the proposal. */
export const recordVote = (
  pending: PendingVotes,
  id: string,
  proposal: () => string,
  vote: { mediator: string; institution: string },
): PendingVotes => {
  const on = pending[id] ?? { proposal: proposal(), votes: [] };
  return {
    ...pending,
    [id]: { ...on, votes: [...on.votes, { principalId: vote.mediator, institution: vote.institution }] },
  };
};

export const quorumOf = (quorum: number | undefined): number => quorum ?? 1;
