import { conflict, type Decider, invalid, notFound } from '@ceasefire/decider';
import { checkRulebook, DEFAULT_RULEBOOK } from '../compliance/compliance.rulebook';
import { RESERVED_PARTY_CODES, requireRole } from '../shared/actor';
import { castVote, mediatorInstitutionOf } from '../shared/institutions';
import { isAfter } from '../shared/time';
import type { AgreementCommand } from './agreement.commands';
import type { AgreementEvent } from './agreement.events';
import { type AgreementState, evolveAgreement, initialAgreementState, rulebookProposal } from './agreement.state';

type Registered = Exclude<AgreementState, { status: 'NONE' }>;

const registered = (state: AgreementState): Registered => {
  if (state.status === 'NONE') throw notFound('AgreementNotFound', 'no such agreement');
  return state;
};

export const decideAgreement = (command: AgreementCommand, state: AgreementState): AgreementEvent[] => {
  const { actor, agreementId } = command;
  switch (command.type) {
    case 'RegisterAgreement': {
      requireRole(actor, ['admin', 'mediator'], 'register an agreement');
      if (state.status !== 'NONE') throw conflict('AgreementAlreadyRegistered', 'this agreement is already registered');
      const codes = command.parties.map((p) => p.code);
      if (new Set(codes).size !== codes.length || codes.length < 2)
        throw invalid(
          'AtLeastTwoDistinctParties',
          'an agreement binds at least two parties with distinct codes',
          'parties',
        );
      const reserved = codes.find((c) => RESERVED_PARTY_CODES.includes(c));
      if (reserved)
        throw invalid('PartyCodeNotReserved', `${reserved} is reserved and cannot be a party code`, 'parties');
      if (command.provisions.length === 0)
        throw invalid(
          'AtLeastOneProvision',
          'an agreement binds at least one provision, and cannot add one later',
          'provisions',
        );
      const ids = command.provisions.map((p) => p.id);
      if (new Set(ids).size !== ids.length)
        throw invalid('DistinctProvisionIds', 'provision ids must be distinct', 'provisions');
      const unknown = command.provisions.find((p) => p.obligor !== 'ALL' && !codes.includes(p.obligor));
      if (unknown)
        throw invalid('ObligorIsAParty', `provision ${unknown.id} binds ${unknown.obligor}, not a party`, 'provisions');
      if (new Set(command.mediators).size !== command.mediators.length)
        throw invalid('DistinctMediators', 'mediator institutions must be distinct', 'mediators');
      const judge = command.mediators.find((m) => codes.includes(m));
      if (judge)
        throw invalid(
          'MediatorIsNotAParty',
          `${judge} is a party: it cannot also mediate, and adopt findings`,
          'mediators',
        );
      if (actor.role === 'mediator') mediatorInstitutionOf(actor, command);
      for (const [name, quorum] of [
        ['adoptionQuorum', command.terms.adoptionQuorum],
        ['rulingQuorum', command.terms.rulingQuorum],
        ['measureQuorum', command.terms.measureQuorum],
      ] as const)
        if (quorum !== undefined && quorum > Math.max(1, command.mediators.length))
          throw invalid(
            'QuorumWithinMediators',
            `terms.${name} cannot exceed the number of mediator institutions`,
            `terms.${name}`,
          );
      const policy = command.terms.cosignaturePolicy;
      if (policy && (policy.k < 1 || policy.k > new Set(policy.witnesses).size))
        throw invalid(
          'PolicyWithinWitnesses',
          'a k-of-n cosignature policy needs 1 ≤ k ≤ the number of distinct witnesses',
        );
      const { title, parties, mediators, monitoringComponents, provisions, terms, effectiveAt } = command;
      return [
        {
          type: 'AgreementRegistered',
          data: {
            agreementId,
            title,
            parties,
            mediators,
            ...(monitoringComponents?.length ? { monitoringComponents } : {}),
            provisions,
            terms,
            effectiveAt,
          },
        },
      ];
    }
    case 'ReaffirmAgreement': {
      requireRole(actor, ['mediator', 'admin'], 'record a reaffirmation');
      registered(state);
      const { at, venue, statement } = command;
      return [{ type: 'AgreementReaffirmed', data: { agreementId, at, venue, statement } }];
    }
    case 'AdoptRulebook':
      return adoptRulebook(command, registered(state));
    case 'PublishComplianceStatement': {
      requireRole(actor, ['mediator'], 'publish a compliance statement');
      const agreement = registered(state);
      mediatorInstitutionOf(actor, agreement);
      if (agreement.statements.some((s) => s.statementId === command.statementId))
        throw conflict('StatementIdTaken', 'this statement id is taken');
      if (isAfter(command.asOf, command.now)) throw invalid('StatementAsOfPast', 'a statement speaks of a moment past');
      const codes = agreement.parties.map((p) => p.code).sort();
      if (JSON.stringify(command.statuses.map((s) => s.party).sort()) !== JSON.stringify(codes))
        throw invalid('StatementCoversParties', 'a statement gives the status of every party, once');
      const { statementId, asOf, rulebookVersion, statuses, text } = command;
      return [
        {
          type: 'ComplianceStatementPublished',
          data: { agreementId, statementId, asOf, rulebookVersion, statuses, text, publishedBy: actor.principalId },
        },
      ];
    }
    case 'SuspendAgreement': {
      requireRole(actor, ['mediator'], 'suspend an agreement');
      mediatorInstitutionOf(actor, registered(state));
      if (registered(state).status === 'SUSPENDED') throw conflict('AgreementAlreadySuspended', 'already suspended');
      return [{ type: 'AgreementSuspended', data: { agreementId, at: command.now, reason: command.reason } }];
    }
    case 'ResumeAgreement': {
      requireRole(actor, ['mediator'], 'resume an agreement');
      mediatorInstitutionOf(actor, registered(state));
      if (registered(state).status !== 'SUSPENDED')
        throw conflict('AgreementNotSuspended', 'the agreement is not suspended');
      return [{ type: 'AgreementResumed', data: { agreementId, at: command.now, reason: command.reason } }];
    }
    case 'ScheduleMeeting': {
      requireRole(actor, ['mediator'], 'schedule a meeting');
      const agreement = registered(state);
      if (agreement.meetings.some((m) => m.meetingId === command.meetingId))
        throw conflict('MeetingAlreadyScheduled', 'a meeting with this id exists');
      if (!isAfter(command.scheduledFor, command.now))
        throw invalid('MeetingInTheFuture', 'a meeting is scheduled for a time still to come');
      const { meetingId, scheduledFor, venue, agenda } = command;
      return [{ type: 'MeetingScheduled', data: { agreementId, meetingId, scheduledFor, venue, agenda } }];
    }
    case 'RecordMeeting': {
      requireRole(actor, ['mediator'], 'record a meeting');
      const meeting = registered(state).meetings.find((m) => m.meetingId === command.meetingId);
      if (!meeting) throw notFound('MeetingNotFound', 'no meeting with this id was scheduled');
      if (meeting.heldAt) throw conflict('MeetingAlreadyRecorded', 'this meeting was already recorded');
      if (isAfter(command.heldAt, command.now))
        throw invalid('MeetingHeldInThePast', 'a meeting is recorded after it is held');
      const { meetingId, heldAt, decisions } = command;
      return [{ type: 'MeetingHeld', data: { agreementId, meetingId, heldAt, decisions } }];
    }
    default: {
      const unexpected: never = command;
      return unexpected;
    }
  }
};

/**
 * An agreement adopts a compliance rulebook by the same quorum of mediator institutions as a finding. It
 * never takes effect before it is adopted, nor before one already adopted, so no past answer changes.
 */
const adoptRulebook = (
  c: Extract<AgreementCommand, { type: 'AdoptRulebook' }>,
  state: Registered,
): AgreementEvent[] => {
  requireRole(c.actor, ['mediator'], 'adopt a compliance rulebook');
  const institution = mediatorInstitutionOf(c.actor, state);
  checkRulebook(c.rulebook);
  const { version } = c.rulebook;
  if (version === DEFAULT_RULEBOOK.version || state.rulebooks.some((r) => r.version === version))
    throw conflict('RulebookVersionTaken', `rulebook version ${version} is taken`);
  if (isAfter(c.now, c.effectiveFrom))
    throw invalid('RulebookNotRetroactive', 'effectiveFrom cannot be earlier than the adoption');
  const last = state.rulebooks.at(-1);
  if (last && isAfter(last.effectiveFrom, c.effectiveFrom))
    throw invalid(
      'RulebooksInOrder',
      `effectiveFrom cannot be earlier than rulebook ${last.version}'s (${last.effectiveFrom})`,
    );
  const proposal = { effectiveFrom: c.effectiveFrom, rulebook: c.rulebook };
  const pending = state.rulebookVotes[version];
  if (pending && pending.proposal !== rulebookProposal(proposal))
    throw conflict('RulebookDiffersFromVotes', `votes so far on rulebook ${version} back a different text or date`);
  const votes = castVote(pending?.votes ?? [], c.actor, institution);
  const quorum = state.terms.adoptionQuorum;
  const ids = { agreementId: c.agreementId, ...proposal };
  const events: AgreementEvent[] = [
    {
      type: 'RulebookAdoptionVoted',
      data: { ...ids, version, mediator: c.actor.principalId, institution, votes: votes.length, quorum },
    },
  ];
  if (votes.length >= quorum)
    events.push({ type: 'RulebookAdopted', data: { ...ids, adoptedBy: votes.map((v) => v.principalId) } });
  return events;
};

export const agreementDecider: Decider<AgreementCommand, AgreementEvent, AgreementState> = {
  decide: decideAgreement,
  evolve: evolveAgreement,
  initialState: initialAgreementState,
};
