import { DeciderSpecification } from '@ceasefire/decider/testing';
import type { Actor } from '../shared/actor';
import { actors, NOW } from '../testing/fixtures';
import {
  agreementContext,
  caseIds,
  command,
  history,
  untilInvestigating,
  untilReported,
} from '../testing/incident-fixtures';
import { incidentDecider } from './incident.decider';

const spec = DeciderSpecification.for(incidentDecider);
const report = history.reported.data;
const reportFields: {
  source: string | null;
  occurredAt: string;
  occurredAtPrecision: 'HOUR';
  location: typeof report.location;
  category: typeof report.category;
  allegedPerpetrator: string;
  provisionsCited: string[];
  casualties: typeof report.casualties;
  description: string;
} = {
  source: null,
  occurredAt: report.occurredAt,
  occurredAtPrecision: report.occurredAtPrecision,
  location: report.location,
  category: report.category,
  allegedPerpetrator: report.allegedPerpetrator,
  provisionsCited: report.provisionsCited,
  casualties: report.casualties,
  description: report.description,
};
const reportBy = (actor: Actor = actors.pakistan, over: Partial<typeof reportFields> = {}) =>
  command('ReportIncident', { ...reportFields, ...over }, actor);

describe('incident intake', () => {
  describe('ReportIncident', () => {
    it('records a party report with a response deadline for the accused', () =>
      spec.given([]).when(reportBy()).then([history.reported]));

    it('records a monitor report and a public source as such', () => {
      spec
        .given([])
        .when(reportBy(actors.monitor))
        .thenContains([{ data: expect.objectContaining({ reporter: { kind: 'MONITOR', principalId: 'p-mon1' } }) }]);
      spec
        .given([])
        .when(reportBy(actors.monitor, { source: 'Local radio, 1 Nov' }))
        .thenContains([
          {
            data: expect.objectContaining({
              reporter: { kind: 'PUBLIC_SOURCE', principalId: 'p-mon1', source: 'Local radio, 1 Nov' },
            }),
          },
        ]);
    });

    it('sets no response deadline when the perpetrator is unknown', () =>
      spec
        .given([])
        .when(reportBy(actors.monitor, { allegedPerpetrator: 'UNKNOWN' }))
        .thenContains([{ data: expect.objectContaining({ responseDueAt: null }) }]));

    it('rejects a second report under the same id', () =>
      spec.given(untilReported).when(reportBy()).thenThrows('IncidentAlreadyReported', 'conflict'));
    it('rejects a report from an auditor or observer', () => {
      spec.given([]).when(reportBy(actors.auditor)).thenThrows('RoleNotAllowed', 'forbidden');
      spec.given([]).when(reportBy(actors.observer)).thenThrows('RoleNotAllowed', 'forbidden');
    });
    it('rejects a report by a party that is not a party to the agreement', () =>
      spec
        .given([])
        .when(reportBy({ principalId: 'p-in', role: 'party', party: 'IN' }))
        .thenThrows('PartyPrincipalOfAgreement', 'forbidden'));
    it('rejects an incident that occurred before the agreement took effect', () =>
      spec
        .given([])
        .when(reportBy(actors.pakistan, { occurredAt: '2025-10-18T23:59:00.000Z' }))
        .thenThrows('OccurredUnderAgreement', 'invalid'));
    it('rejects a perpetrator who is not a party', () =>
      spec
        .given([])
        .when(reportBy(actors.pakistan, { allegedPerpetrator: 'IN' }))
        .thenThrows('PartyOfAgreement', 'invalid'));
    it('rejects a provision the agreement does not have', () =>
      spec
        .given([])
        .when(reportBy(actors.pakistan, { provisionsCited: ['P9'] }))
        .thenThrows('ProvisionOfAgreement'));
    it('rejects an incident in the future', () =>
      spec
        .given([])
        .when(reportBy(actors.pakistan, { occurredAt: '2025-11-02T00:00:00.000Z' }))
        .thenThrows('OccurredInThePast'));
    it('rejects casualties that are not low ≤ best ≤ high', () =>
      spec
        .given([])
        .when(reportBy(actors.pakistan, { casualties: { low: 3, best: 2, high: 4 } }))
        .thenThrows('CasualtiesOrdered'));
  });

  describe('RegisterEvidence', () => {
    const evidence = {
      evidenceId: 'e1',
      sha256: 'a'.repeat(64),
      mediaType: 'image/jpeg',
      custodian: 'PK liaison',
      description: 'Photo of the post',
    };
    it('registers evidence by hash', () =>
      spec
        .given(untilReported)
        .when(command('RegisterEvidence', evidence, actors.pakistan))
        .then([{ type: 'EvidenceRegistered', data: { ...caseIds, ...evidence, registeredBy: 'p-pk' } }]));
    it('rejects the same hash twice and a taken id', () => {
      const registered = {
        type: 'EvidenceRegistered' as const,
        data: { ...caseIds, ...evidence, registeredBy: 'p-pk' },
      };
      spec
        .given([...untilReported, registered])
        .when(command('RegisterEvidence', evidence, actors.monitor))
        .thenThrows('EvidenceAlreadyRegistered', 'conflict');
      spec
        .given([...untilReported, registered])
        .when(command('RegisterEvidence', { ...evidence, sha256: 'b'.repeat(64) }, actors.monitor))
        .thenThrows('EvidenceIdTaken');
    });
    it('rejects evidence for a case that does not exist or is closed', () => {
      spec
        .given([])
        .when(command('RegisterEvidence', evidence, actors.monitor))
        .thenThrows('IncidentNotFound', 'not_found');
      spec
        .given([...untilReported, { type: 'CaseClosed', data: { ...caseIds, reason: 'x', closedBy: 'p-tr' } }])
        .when(command('RegisterEvidence', evidence, actors.monitor))
        .thenThrows('CaseClosed');
    });
    it('rejects evidence from an observer', () =>
      spec
        .given(untilReported)
        .when(command('RegisterEvidence', evidence, actors.observer))
        .thenThrows('RoleNotAllowed'));
  });

  describe('TriageIncident', () => {
    it('triages once', () => {
      spec
        .given(untilReported)
        .when(
          command(
            'TriageIncident',
            { decision: 'ADMISSIBLE', duplicateOf: null, reason: 'specific and within mandate' },
            actors.monitor,
          ),
        )
        .then([history.admissible]);
      spec
        .given([...untilReported, history.admissible])
        .when(command('TriageIncident', { decision: 'INADMISSIBLE', duplicateOf: null, reason: 'x' }, actors.monitor))
        .thenThrows('AlreadyTriaged');
    });
    it('names the original of a duplicate, and only then', () => {
      spec
        .given(untilReported)
        .when(command('TriageIncident', { decision: 'DUPLICATE', duplicateOf: null, reason: 'x' }, actors.monitor))
        .thenThrows('DuplicateNamesOriginal');
      spec
        .given(untilReported)
        .when(command('TriageIncident', { decision: 'ADMISSIBLE', duplicateOf: 'other', reason: 'x' }, actors.monitor))
        .thenThrows('DuplicateNamesOriginal');
      spec
        .given(untilReported)
        .when(
          command(
            'TriageIncident',
            { decision: 'DUPLICATE', duplicateOf: caseIds.incidentId, reason: 'x' },
            actors.monitor,
          ),
        )
        .thenThrows('DuplicateNamesOriginal');
    });
    it('checks that the original of a duplicate is a case reported under the same agreement', () => {
      const duplicate = (original: { agreementId: string } | null) =>
        command(
          'TriageIncident',
          { decision: 'DUPLICATE', duplicateOf: 'earlier-case', reason: 'same raid', original },
          actors.monitor,
        );
      spec.given(untilReported).when(duplicate(null)).thenThrows('DuplicateOfKnownCase', 'invalid');
      spec
        .given(untilReported)
        .when(duplicate({ agreementId: 'another-agreement' }))
        .thenThrows('DuplicateOfKnownCase');
      spec
        .given(untilReported)
        .when(duplicate({ agreementId: caseIds.agreementId }))
        .thenContains([{ type: 'IncidentTriaged' }]);
    });
    it('rejects triage by a party', () =>
      spec
        .given(untilReported)
        .when(command('TriageIncident', { decision: 'ADMISSIBLE', duplicateOf: null, reason: 'x' }, actors.afghanistan))
        .thenThrows('RoleNotAllowed'));
  });

  describe('RespondToAllegation', () => {
    const responded = {
      type: 'AllegationResponded' as const,
      data: { ...caseIds, party: 'AF', response: 'DENY' as const, statement: 'No such crossing' },
    };
    it('lets the accused party respond once', () => {
      spec
        .given(untilReported)
        .when(command('RespondToAllegation', { response: 'DENY', statement: 'No such crossing' }, actors.afghanistan))
        .then([responded]);
      spec
        .given([...untilReported, responded])
        .when(command('RespondToAllegation', { response: 'DENY', statement: 'again' }, actors.afghanistan))
        .thenThrows('AlreadyResponded');
    });
    it('rejects a response for another party', () =>
      spec
        .given(untilReported)
        .when(command('RespondToAllegation', { response: 'ACKNOWLEDGE', statement: 'x' }, actors.pakistan))
        .thenThrows('RespondOnlyForYourself', 'forbidden'));
    it('rejects a response from a monitor', () =>
      spec
        .given(untilReported)
        .when(command('RespondToAllegation', { response: 'ACKNOWLEDGE', statement: 'x' }, actors.monitor))
        .thenThrows('RoleNotAllowed'));
  });

  describe('MarkResponseDeadlineMissed', () => {
    const late = '2025-11-04T09:00:00.000Z';
    it('records the missed deadline once it has passed unanswered', () =>
      spec
        .given(untilReported)
        .when(command('MarkResponseDeadlineMissed', {}, actors.admin, late))
        .then([{ type: 'ResponseDeadlineMissed', data: { ...caseIds, party: 'AF', dueAt: late } }]));
    it('does nothing before the deadline, after a response, or a second time', () => {
      spec
        .given(untilReported)
        .when(command('MarkResponseDeadlineMissed', {}, actors.admin, NOW))
        .then([]);
      spec
        .given([
          ...untilReported,
          { type: 'AllegationResponded', data: { ...caseIds, party: 'AF', response: 'DENY', statement: 'x' } },
        ])
        .when(command('MarkResponseDeadlineMissed', {}, actors.admin, late))
        .then([]);
      spec
        .given([...untilReported, { type: 'ResponseDeadlineMissed', data: { ...caseIds, party: 'AF', dueAt: late } }])
        .when(command('MarkResponseDeadlineMissed', {}, actors.admin, late))
        .then([]);
    });
    it('stops the clock while the agreement is suspended, and pushes the deadline back by the time suspended', () => {
      const under = (suspensions: { from: string; to: string | null }[], now: string) => ({
        ...(command('MarkResponseDeadlineMissed', {}, actors.admin, now) as object),
        agreement: {
          ...agreementContext,
          status: suspensions.at(-1)?.to === null ? 'SUSPENDED' : 'ACTIVE',
          suspensions,
        },
      });
      const open = [{ from: '2025-11-02T09:00:00.000Z', to: null }];
      spec
        .given(untilReported)
        .when(under(open, '2025-11-20T00:00:00.000Z') as never)
        .then([]);
      const day = [{ from: '2025-11-02T09:00:00.000Z', to: '2025-11-03T09:00:00.000Z' }];
      spec
        .given(untilReported)
        .when(under(day, '2025-11-05T08:59:00.000Z') as never)
        .then([]);
      spec
        .given(untilReported)
        .when(under(day, '2025-11-05T09:00:00.000Z') as never)
        .then([
          { type: 'ResponseDeadlineMissed', data: { ...caseIds, party: 'AF', dueAt: '2025-11-05T09:00:00.000Z' } },
        ]);
      // A suspension over before the report was made changes nothing.
      const before = [{ from: '2025-10-20T00:00:00.000Z', to: '2025-10-25T00:00:00.000Z' }];
      spec
        .given(untilReported)
        .when(under(before, late) as never)
        .thenContains([{ type: 'ResponseDeadlineMissed' }]);
    });
    it('still applies while an investigation runs', () =>
      spec
        .given(untilInvestigating)
        .when(command('MarkResponseDeadlineMissed', {}, actors.admin, '2025-11-05T00:00:00.000Z'))
        .thenContains([{ type: 'ResponseDeadlineMissed' }]));
  });
});
