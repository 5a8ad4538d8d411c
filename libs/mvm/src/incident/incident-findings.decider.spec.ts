import { DeciderSpecification } from '@ceasefire/decider/testing';
import { actors, NOW } from '../testing/fixtures';
import {
  caseIds,
  command,
  history,
  untilAdopted,
  untilEndorsed,
  untilInvestigating,
  untilReported,
} from '../testing/incident-fixtures';
import { incidentDecider } from './incident.decider';

const spec = DeciderSpecification.for(incidentDecider);
const finding = {
  findingId: 'f1',
  outcome: 'VIOLATION_ATTRIBUTED',
  attributedParties: ['AF'],
  severity: 'S3',
  confidence: 'CREDIBLE',
  rationale: 'Tracks and witness statements',
} as const;
const draft = (over: Record<string, unknown> = {}) =>
  command(
    'DraftFinding',
    { ...finding, attributedParties: [...finding.attributedParties], ...over } as never,
    actors.monitor,
  );

describe('investigation and findings', () => {
  it('opens an investigation on an admissible case with the verification deadline', () =>
    spec
      .given([history.reported, history.admissible])
      .when(command('OpenInvestigation', {}, actors.monitor))
      .then([history.investigating]));
  it('rejects investigating a case not triaged admissible', () =>
    spec
      .given(untilReported)
      .when(command('OpenInvestigation', {}, actors.monitor))
      .thenThrows('InvestigateAdmissibleOnly', 'conflict'));
  it('rejects an investigation opened by a mediator', () =>
    spec
      .given([history.reported, history.admissible])
      .when(command('OpenInvestigation', {}, actors.turkiye))
      .thenThrows('RoleNotAllowed'));

  describe('access denial', () => {
    const denial = {
      denialId: 'a1',
      deniedBy: 'AF',
      at: '2025-11-01T08:00:00.000Z',
      place: 'Road to the post',
      description: 'Checkpoint refused passage',
    };
    it('records a denial against the denying party', () =>
      spec
        .given(untilInvestigating)
        .when(command('RecordAccessDenial', denial, actors.monitor))
        .then([{ type: 'AccessDenied', data: { ...caseIds, ...denial, recordedBy: 'p-mon1' } }]));
    it('needs an open investigation and a party to the agreement', () => {
      spec
        .given(untilReported)
        .when(command('RecordAccessDenial', denial, actors.monitor))
        .thenThrows('NoOpenInvestigation');
      spec
        .given(untilInvestigating)
        .when(command('RecordAccessDenial', { ...denial, deniedBy: 'XX' }, actors.monitor))
        .thenThrows('PartyOfAgreement');
    });
  });

  describe('drafting', () => {
    it('drafts a finding from an open investigation', () =>
      spec.given(untilInvestigating).when(draft()).then([history.drafted]));
    it('keeps the outcome, attribution and severity consistent', () => {
      spec
        .given(untilInvestigating)
        .when(draft({ attributedParties: ['AF', 'PK'] }))
        .thenThrows('OutcomeMatchesAttribution', 'invalid');
      spec
        .given(untilInvestigating)
        .when(draft({ outcome: 'VIOLATION_MULTI_PARTY' as never }))
        .thenThrows('OutcomeMatchesAttribution');
      spec
        .given(untilInvestigating)
        .when(draft({ outcome: 'NO_VIOLATION' as never, attributedParties: [] as never }))
        .thenThrows('SeverityOnlyForViolations');
      spec
        .given(untilInvestigating)
        .when(draft({ severity: null as never }))
        .thenThrows('SeverityOnlyForViolations');
      spec
        .given(untilInvestigating)
        .when(draft({ attributedParties: ['IN'] as never }))
        .thenThrows('PartyOfAgreement');
    });
    it('accepts an unattributed violation and an insufficient-evidence finding', () => {
      spec
        .given(untilInvestigating)
        .when(draft({ outcome: 'VIOLATION_UNATTRIBUTED' as never, attributedParties: [] as never }))
        .thenContains([{ type: 'FindingDrafted' }]);
      spec
        .given(untilInvestigating)
        .when(
          draft({ outcome: 'INSUFFICIENT_EVIDENCE' as never, attributedParties: [] as never, severity: null as never }),
        )
        .thenContains([{ type: 'FindingDrafted' }]);
    });
    it('allows one pending finding at a time and only from a monitor', () => {
      spec
        .given([...untilInvestigating, history.drafted])
        .when(draft({ findingId: 'f2' }))
        .thenThrows('OnePendingFinding');
      spec
        .given([...untilInvestigating, history.drafted])
        .when(draft())
        .thenThrows('FindingIdTaken');
      spec
        .given(untilInvestigating)
        .when(command('DraftFinding', { ...finding, attributedParties: ['AF'] } as never, actors.pakistan))
        .thenThrows('RoleNotAllowed', 'forbidden');
    });
  });

  describe('endorsement and adoption', () => {
    it('is endorsed by a second monitor, never by its drafter', () => {
      spec
        .given([...untilInvestigating, history.drafted])
        .when(command('EndorseFinding', { findingId: 'f1' }, actors.monitor2))
        .then([history.endorsed]);
      spec
        .given([...untilInvestigating, history.drafted])
        .when(command('EndorseFinding', { findingId: 'f1' }, actors.monitor))
        .thenThrows('EndorserIsNotDrafter', 'forbidden');
      spec
        .given(untilEndorsed)
        .when(command('EndorseFinding', { findingId: 'f1' }, actors.monitor2))
        .thenThrows('EndorseDraftOnly');
      spec
        .given(untilInvestigating)
        .when(command('EndorseFinding', { findingId: 'nope' }, actors.monitor2))
        .thenThrows('FindingNotFound', 'not_found');
    });
    it('rejects adopting an unendorsed finding', () =>
      spec
        .given([...untilInvestigating, history.drafted])
        .when(command('AdoptFinding', { findingId: 'f1' }, actors.turkiye))
        .thenThrows('AdoptEndorsedOnly', 'conflict'));
    it('counts one vote per mediator until the quorum, then adopts and confirms the breach', () => {
      spec
        .given(untilEndorsed)
        .when(command('AdoptFinding', { findingId: 'f1' }, actors.turkiye))
        .then([history.firstVote]);
      spec
        .given([...untilEndorsed, history.firstVote])
        .when(command('AdoptFinding', { findingId: 'f1' }, actors.turkiye))
        .thenThrows('AlreadyVoted');
      spec
        .given([...untilEndorsed, history.firstVote])
        .when(command('AdoptFinding', { findingId: 'f1' }, actors.qatar))
        .then([history.secondVote, history.adopted, history.breach]);
    });
    it('counts institutions, not accounts: a second Türkiye account adds no vote (defect 5)', () => {
      spec
        .given([...untilEndorsed, history.firstVote])
        .when(command('AdoptFinding', { findingId: 'f1' }, actors.turkiye2))
        .thenThrows('InstitutionAlreadyVoted', 'conflict');
    });
    it('refuses a mediator of no institution, or of one the agreement does not list', () => {
      spec
        .given(untilEndorsed)
        .when(command('AdoptFinding', { findingId: 'f1' }, actors.stranger))
        .thenThrows('MediatorOfAgreement', 'forbidden');
      spec
        .given(untilEndorsed)
        .when(command('AdoptFinding', { findingId: 'f1' }, { principalId: 'p-none', role: 'mediator' }))
        .thenThrows('MediatorOfInstitution', 'forbidden');
    });
    it('recuses the mediator who reported the incident from adopting its finding', () => {
      const reportedByTurkiye = untilEndorsed.map((e) =>
        e.type === 'IncidentReported'
          ? {
              ...e,
              data: { ...e.data, reporter: { kind: 'MONITOR' as const, principalId: actors.turkiye.principalId } },
            }
          : e,
      );
      spec
        .given(reportedByTurkiye)
        .when(command('AdoptFinding', { findingId: 'f1' }, actors.turkiye))
        .thenThrows('ReporterRecused', 'forbidden');
    });
    it('lets a pending finding be withdrawn or returned, so the case can draft another', () => {
      const withdrawn = {
        type: 'FindingWithdrawn' as const,
        data: { ...caseIds, findingId: 'f1', reason: 'no quorum', withdrawnBy: 'p-qa' },
      };
      spec
        .given(untilEndorsed)
        .when(command('WithdrawFinding', { findingId: 'f1', reason: 'no quorum' }, actors.qatar))
        .then([withdrawn]);
      spec
        .given(untilEndorsed)
        .when(draft({ findingId: 'f2' }))
        .thenThrows('OnePendingFinding');
      spec
        .given([...untilEndorsed, withdrawn])
        .when(draft({ findingId: 'f2' }))
        .thenContains([{ type: 'FindingDrafted' }]);
      spec
        .given([...untilEndorsed, withdrawn])
        .when(command('AdoptFinding', { findingId: 'f1' }, actors.turkiye))
        .thenThrows('AdoptEndorsedOnly');
    });
    it('confirms no breach when a no-violation finding is adopted', () => {
      const noViolation = {
        ...history.drafted,
        data: { ...history.drafted.data, outcome: 'NO_VIOLATION' as const, attributedParties: [], severity: null },
      };
      const events = [...untilInvestigating, noViolation, history.endorsed, history.firstVote];
      spec
        .given(events)
        .when(command('AdoptFinding', { findingId: 'f1' }, actors.qatar))
        .thenContains([{ type: 'FindingAdoptionVoted' }, { type: 'FindingAdopted' }]);
    });
    it('rejects adoption by a monitor or a party', () => {
      spec
        .given(untilEndorsed)
        .when(command('AdoptFinding', { findingId: 'f1' }, actors.monitor))
        .thenThrows('RoleNotAllowed');
      spec
        .given(untilEndorsed)
        .when(command('AdoptFinding', { findingId: 'f1' }, actors.afghanistan))
        .thenThrows('RoleNotAllowed');
    });
    it('signs a dissent as the principal is — institution, component or party — never as typed', () => {
      const dissent = (by: string, component: string) => ({
        type: 'DissentRecorded' as const,
        data: { ...caseIds, findingId: 'f1', by, component, text: 'Attribution is unproven' },
      });
      spec
        .given(untilAdopted)
        .when(command('RecordDissent', { findingId: 'f1', text: 'Attribution is unproven' }, actors.afghanistan))
        .then([dissent('p-af', 'party:AF')]);
      spec
        .given(untilEndorsed)
        .when(command('RecordDissent', { findingId: 'f1', text: 'Attribution is unproven' }, actors.qatar))
        .then([dissent('p-qa', 'mediator:QA')]);
    });
    it('lets a party dissent only on an adopted finding, not on a draft', () =>
      spec
        .given(untilEndorsed)
        .when(command('RecordDissent', { findingId: 'f1', text: 'no' }, actors.afghanistan))
        .thenThrows('PartyDissentsOnAdopted', 'forbidden'));
  });

  describe('verification deadline', () => {
    it('is marked once when it passes without an adopted finding', () => {
      spec
        .given(untilInvestigating)
        .when(command('MarkVerificationDeadlineMissed', {}, actors.admin, '2025-11-15T09:00:00.000Z'))
        .then([{ type: 'VerificationDeadlineMissed', data: { ...caseIds, dueAt: '2025-11-15T09:00:00.000Z' } }]);
      spec
        .given(untilInvestigating)
        .when(command('MarkVerificationDeadlineMissed', {}, actors.admin, NOW))
        .then([]);
      spec
        .given([
          ...untilInvestigating,
          { type: 'VerificationDeadlineMissed', data: { ...caseIds, dueAt: '2025-11-15T09:00:00.000Z' } },
        ])
        .when(command('MarkVerificationDeadlineMissed', {}, actors.admin, '2025-11-16T09:00:00.000Z'))
        .then([]);
    });
  });
});
