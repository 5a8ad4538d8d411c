import { conflict, type Decider, invalid, notFound } from '@ceasefire/decider';
import { requireRole } from '../shared/actor';
import { isAfter } from '../shared/time';
import type { AgreementCommand } from './agreement.commands';
import type { AgreementEvent } from './agreement.events';
import { type AgreementState, evolveAgreement, initialAgreementState } from './agreement.state';

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
        throw invalid('AtLeastTwoDistinctParties', 'an agreement binds at least two parties with distinct codes');
      const ids = command.provisions.map((p) => p.id);
      if (new Set(ids).size !== ids.length) throw invalid('DistinctProvisionIds', 'provision ids must be distinct');
      const unknown = command.provisions.find((p) => p.obligor !== 'ALL' && !codes.includes(p.obligor));
      if (unknown) throw invalid('ObligorIsAParty', `provision ${unknown.id} binds ${unknown.obligor}, not a party`);
      if (command.terms.adoptionQuorum > Math.max(1, command.mediators.length))
        throw invalid('QuorumWithinMediators', 'the adoption quorum cannot exceed the number of mediators');
      const policy = command.terms.cosignaturePolicy;
      if (policy && (policy.k < 1 || policy.k > new Set(policy.witnesses).size))
        throw invalid(
          'PolicyWithinWitnesses',
          'a k-of-n cosignature policy needs 1 ≤ k ≤ the number of distinct witnesses',
        );
      const { title, parties, mediators, provisions, terms, effectiveAt } = command;
      return [
        {
          type: 'AgreementRegistered',
          data: { agreementId, title, parties, mediators, provisions, terms, effectiveAt },
        },
      ];
    }
    case 'ReaffirmAgreement': {
      requireRole(actor, ['mediator', 'admin'], 'record a reaffirmation');
      registered(state);
      const { at, venue, statement } = command;
      return [{ type: 'AgreementReaffirmed', data: { agreementId, at, venue, statement } }];
    }
    case 'SuspendAgreement': {
      requireRole(actor, ['mediator'], 'suspend an agreement');
      if (registered(state).status === 'SUSPENDED') throw conflict('AgreementAlreadySuspended', 'already suspended');
      return [{ type: 'AgreementSuspended', data: { agreementId, at: command.now, reason: command.reason } }];
    }
    case 'ResumeAgreement': {
      requireRole(actor, ['mediator'], 'resume an agreement');
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

export const agreementDecider: Decider<AgreementCommand, AgreementEvent, AgreementState> = {
  decide: decideAgreement,
  evolve: evolveAgreement,
  initialState: initialAgreementState,
};
