import { DeciderSpecification } from '@ceasefire/decider/testing';
import { actors, AGREEMENT_ID, agreementRegistered, NOW, terms } from '../testing/fixtures';
import { DEFAULT_RULEBOOK } from '../compliance/compliance.rulebook';
import type { Actor } from '../shared/actor';
import type { AgreementCommand } from './agreement.commands';
import { agreementDecider } from './agreement.decider';

const spec = DeciderSpecification.for(agreementDecider);
const base = { agreementId: AGREEMENT_ID, now: NOW, actor: actors.turkiye };
const register = (over: Partial<Extract<AgreementCommand, { type: 'RegisterAgreement' }>> = {}): AgreementCommand =>
  ({
    ...base,
    type: 'RegisterAgreement',
    ...(agreementRegistered.data as object),
    ...over,
  }) as AgreementCommand;

describe('agreement decider', () => {
  it('registers an agreement with its parties, provisions and mechanism terms', () =>
    spec.given([]).when(register()).then([agreementRegistered]));

  it('rejects registering twice', () =>
    spec.given([agreementRegistered]).when(register()).thenThrows('AgreementAlreadyRegistered', 'conflict'));

  it('rejects registration by a party', () =>
    spec
      .given([])
      .when(register({ actor: actors.pakistan }))
      .thenThrows('RoleNotAllowed', 'forbidden'));

  it('rejects a single party or duplicate party codes', () => {
    spec
      .given([])
      .when(register({ parties: [{ code: 'PK', name: 'P' }] }))
      .thenThrows('AtLeastTwoDistinctParties');
    spec
      .given([])
      .when(
        register({
          parties: [
            { code: 'PK', name: 'P' },
            { code: 'PK', name: 'Q' },
          ],
        }),
      )
      .thenThrows('AtLeastTwoDistinctParties');
  });

  it('rejects a provision binding someone who is not a party', () =>
    spec
      .given([])
      .when(register({ provisions: [{ id: 'P1', text: 't', obligor: 'IN' }] }))
      .thenThrows('ObligorIsAParty', 'invalid'));

  it('rejects an agreement that binds no provision: provisions are fixed at registration', () =>
    spec
      .given([])
      .when(register({ provisions: [] }))
      .thenThrows('AtLeastOneProvision', 'invalid'));

  it('rejects a party as one of its own mediators: mediators adopt the findings about the parties', () =>
    spec
      .given([])
      .when(register({ mediators: ['TR', 'PK'] }))
      .thenThrows('MediatorIsNotAParty', 'invalid'));

  it('rejects duplicate provision ids', () =>
    spec
      .given([])
      .when(
        register({
          provisions: [
            { id: 'P1', text: 'a', obligor: 'ALL' },
            { id: 'P1', text: 'b', obligor: 'ALL' },
          ],
        }),
      )
      .thenThrows('DistinctProvisionIds'));

  it('rejects a quorum larger than the mediators', () =>
    spec
      .given([])
      .when(register({ terms: { ...terms, adoptionQuorum: 3 } }))
      .thenThrows('QuorumWithinMediators'));

  it('rejects a cosignature policy asking for more witnesses than it names', () =>
    spec
      .given([])
      .when(register({ terms: { ...terms, cosignaturePolicy: { k: 3, witnesses: ['w.tr', 'w.qa', 'w.qa'] } } }))
      .thenThrows('PolicyWithinWitnesses', 'invalid'));

  it('records a reaffirmation', () =>
    spec
      .given([agreementRegistered])
      .when({
        ...base,
        type: 'ReaffirmAgreement',
        at: '2025-10-30T18:00:00.000Z',
        venue: 'Istanbul',
        statement: 'Ceasefire reaffirmed',
      })
      .then([
        {
          type: 'AgreementReaffirmed',
          data: {
            agreementId: AGREEMENT_ID,
            at: '2025-10-30T18:00:00.000Z',
            venue: 'Istanbul',
            statement: 'Ceasefire reaffirmed',
          },
        },
      ]));

  it('rejects anything on an agreement that does not exist', () =>
    spec
      .given([])
      .when({ ...base, type: 'SuspendAgreement', reason: 'x' })
      .thenThrows('AgreementNotFound', 'not_found'));

  it('suspends and resumes, but not twice', () => {
    const suspended = {
      type: 'AgreementSuspended' as const,
      data: { agreementId: AGREEMENT_ID, at: NOW, reason: 'talks broke down' },
    };
    spec
      .given([agreementRegistered])
      .when({ ...base, type: 'SuspendAgreement', reason: 'talks broke down' })
      .then([suspended]);
    spec
      .given([agreementRegistered, suspended])
      .when({ ...base, type: 'SuspendAgreement', reason: 'x' })
      .thenThrows('AgreementAlreadySuspended');
    spec
      .given([agreementRegistered])
      .when({ ...base, type: 'ResumeAgreement', reason: 'x' })
      .thenThrows('AgreementNotSuspended');
    spec
      .given([agreementRegistered, suspended])
      .when({ ...base, type: 'ResumeAgreement', reason: 'talks resumed' })
      .then([{ type: 'AgreementResumed', data: { agreementId: AGREEMENT_ID, at: NOW, reason: 'talks resumed' } }]);
  });

  it('only lets mediators suspend', () =>
    spec
      .given([agreementRegistered])
      .when({ ...base, actor: actors.admin, type: 'SuspendAgreement', reason: 'x' })
      .thenThrows('RoleNotAllowed'));

  describe('meetings', () => {
    const scheduled = {
      type: 'MeetingScheduled' as const,
      data: {
        agreementId: AGREEMENT_ID,
        meetingId: 'm1',
        scheduledFor: '2025-11-06T09:00:00.000Z',
        venue: 'Istanbul',
        agenda: ['MVM modalities'],
      },
    };
    it('schedules a follow-up meeting in the future', () =>
      spec
        .given([agreementRegistered])
        .when({
          ...base,
          type: 'ScheduleMeeting',
          meetingId: 'm1',
          scheduledFor: '2025-11-06T09:00:00.000Z',
          venue: 'Istanbul',
          agenda: ['MVM modalities'],
        })
        .then([scheduled]));
    it('rejects a meeting in the past and a duplicate id', () => {
      spec
        .given([agreementRegistered])
        .when({
          ...base,
          type: 'ScheduleMeeting',
          meetingId: 'm1',
          scheduledFor: '2025-10-01T09:00:00.000Z',
          venue: 'x',
          agenda: [],
        })
        .thenThrows('MeetingInTheFuture');
      spec
        .given([agreementRegistered, scheduled])
        .when({
          ...base,
          type: 'ScheduleMeeting',
          meetingId: 'm1',
          scheduledFor: '2025-12-01T09:00:00.000Z',
          venue: 'x',
          agenda: [],
        })
        .thenThrows('MeetingAlreadyScheduled');
    });
    it('records a held meeting with its decisions once', () => {
      const later = { ...base, now: '2025-11-07T09:00:00.000Z' };
      const held = {
        type: 'MeetingHeld' as const,
        data: {
          agreementId: AGREEMENT_ID,
          meetingId: 'm1',
          heldAt: '2025-11-06T09:00:00.000Z',
          decisions: ['Deadlock recorded'],
        },
      };
      spec
        .given([agreementRegistered, scheduled])
        .when({
          ...later,
          type: 'RecordMeeting',
          meetingId: 'm1',
          heldAt: '2025-11-06T09:00:00.000Z',
          decisions: ['Deadlock recorded'],
        })
        .then([held]);
      spec
        .given([agreementRegistered, scheduled, held])
        .when({ ...later, type: 'RecordMeeting', meetingId: 'm1', heldAt: '2025-11-06T09:00:00.000Z', decisions: [] })
        .thenThrows('MeetingAlreadyRecorded');
      spec
        .given([agreementRegistered])
        .when({ ...later, type: 'RecordMeeting', meetingId: 'm9', heldAt: '2025-11-06T09:00:00.000Z', decisions: [] })
        .thenThrows('MeetingNotFound');
      spec
        .given([agreementRegistered, scheduled])
        .when({ ...base, type: 'RecordMeeting', meetingId: 'm1', heldAt: '2025-11-06T09:00:00.000Z', decisions: [] })
        .thenThrows('MeetingHeldInThePast');
    });
  });

  it.each([
    ['reaffirm', { type: 'ReaffirmAgreement', at: NOW, venue: 'v', statement: 's' }],
    [
      'schedule a meeting',
      { type: 'ScheduleMeeting', meetingId: 'm1', scheduledFor: '2025-12-01T00:00:00.000Z', venue: 'v', agenda: [] },
    ],
    ['record a meeting', { type: 'RecordMeeting', meetingId: 'm1', heldAt: NOW, decisions: [] }],
    ['resume', { type: 'ResumeAgreement', reason: 'r' }],
  ])('does not let a party %s', (_name, fields) =>
    spec
      .given([agreementRegistered])
      .when({ ...base, actor: actors.pakistan, ...fields } as AgreementCommand)
      .thenThrows('RoleNotAllowed', 'forbidden'),
  );

  it('refuses UNKNOWN and ALL as party codes', () =>
    spec
      .given([])
      .when(
        register({
          parties: [
            { code: 'PK', name: 'P' },
            { code: 'ALL', name: 'Everyone' },
          ],
        }),
      )
      .thenThrows('PartyCodeNotReserved', 'invalid'));

  describe('a compliance rulebook, adopted by a quorum of institutions', () => {
    const rulebook = { ...DEFAULT_RULEBOOK, version: 'istanbul-1' };
    const effectiveFrom = '2025-11-15T00:00:00.000Z';
    const adopt = (actor: Actor, over: Record<string, unknown> = {}): AgreementCommand =>
      ({ ...base, actor, type: 'AdoptRulebook', rulebook, effectiveFrom, ...over }) as AgreementCommand;
    const voted = {
      type: 'RulebookAdoptionVoted' as const,
      data: {
        agreementId: AGREEMENT_ID,
        version: 'istanbul-1',
        effectiveFrom,
        rulebook,
        mediator: 'p-tr',
        institution: 'TR',
        votes: 1,
        quorum: 2,
      },
    };
    it('takes a vote from each institution and adopts on the quorum', () => {
      spec.given([agreementRegistered]).when(adopt(actors.turkiye)).then([voted]);
      spec.given([agreementRegistered, voted]).when(adopt(actors.turkiye2)).thenThrows('InstitutionAlreadyVoted');
      spec
        .given([agreementRegistered, voted])
        .when(adopt(actors.qatar))
        .thenContains([
          { type: 'RulebookAdoptionVoted' },
          {
            type: 'RulebookAdopted',
            data: { agreementId: AGREEMENT_ID, effectiveFrom, rulebook, adoptedBy: ['p-tr', 'p-qa'] },
          },
        ]);
    });
    it('never takes effect before its adoption, and never reuses a version', () => {
      spec
        .given([agreementRegistered])
        .when(adopt(actors.turkiye, { effectiveFrom: '2025-10-01T00:00:00.000Z' }))
        .thenThrows('RulebookNotRetroactive', 'invalid');
      spec
        .given([agreementRegistered])
        .when(adopt(actors.turkiye, { rulebook: DEFAULT_RULEBOOK }))
        .thenThrows('RulebookVersionTaken', 'conflict');
    });
    it('names the field of a malformed rulebook', () =>
      spec
        .given([agreementRegistered])
        .when(adopt(actors.turkiye, { rulebook: { ...rulebook, atRiskDays: -1 } }))
        .thenThrows('RulebookAtRisk', 'invalid'));
  });
});
