import { DeciderSpecification } from '@ceasefire/decider/testing';
import { actors, NOW } from '../testing/fixtures';
import {
  agreementContext,
  caseIds,
  command,
  history,
  untilAdopted,
  untilDisputed,
  untilEndorsed,
} from '../testing/incident-fixtures';
import { incidentDecider } from './incident.decider';
import type { IncidentEvent } from './incident.events';

const spec = DeciderSpecification.for(incidentDecider);
const within = '2025-11-05T09:00:00.000Z';
const dispute = {
  disputeId: 'd1',
  findingId: 'f1',
  grounds: 'ATTRIBUTION',
  statement: 'The group is not under our control',
} as const;
const rule = (ruling: 'UPHELD' | 'AMENDED' | 'VACATED' | 'REMANDED', amendment: object | null = null) =>
  command(
    'RuleOnDispute',
    { disputeId: 'd1', ruling, rationale: 'Reviewed', amendment } as never,
    actors.turkiye,
    within,
  );
const ruled = (ruling: string, amendment: object | null = null): IncidentEvent =>
  ({
    type: 'DisputeRuled' as const,
    data: { ...caseIds, findingId: 'f1', disputeId: 'd1', ruling, rationale: 'Reviewed', amendment, ruledBy: 'p-tr' },
  }) as IncidentEvent;

describe('disputes, consequences and closure', () => {
  describe('FileDispute', () => {
    it('lets the attributed party dispute within the window', () =>
      spec
        .given(untilAdopted)
        .when(command('FileDispute', dispute, actors.afghanistan, within))
        .then([history.disputed]));
    it('rejects a dispute after the window', () =>
      spec
        .given(untilAdopted)
        .when(command('FileDispute', dispute, actors.afghanistan, '2025-11-09T00:00:00.000Z'))
        .thenThrows('DisputeWindowClosed', 'conflict'));
    it('rejects a dispute of a finding not yet adopted', () =>
      spec
        .given(untilEndorsed)
        .when(command('FileDispute', dispute, actors.afghanistan, within))
        .thenThrows('DisputeAdoptedOnly'));
    it('rejects a dispute by a party the finding does not concern', () => {
      const byMonitorReport = untilAdopted.map((e) =>
        e.type === 'IncidentReported'
          ? { ...e, data: { ...e.data, reporter: { kind: 'MONITOR' as const, principalId: 'p-mon1' } } }
          : e,
      );
      spec
        .given(byMonitorReport)
        .when(command('FileDispute', dispute, actors.pakistan, within))
        .thenThrows('DisputeOnlyIfAffected', 'forbidden');
    });
    it('rejects a second open dispute and a dispute by a mediator', () => {
      spec
        .given(untilDisputed)
        .when(command('FileDispute', { ...dispute, disputeId: 'd2' }, actors.afghanistan, within))
        .thenThrows('DisputeAlreadyOpen');
      spec
        .given(untilAdopted)
        .when(command('FileDispute', dispute, actors.qatar, within))
        .thenThrows('RoleNotAllowed');
    });
  });

  describe('RuleOnDispute', () => {
    it('upholds without touching the breach', () =>
      spec
        .given(untilDisputed)
        .when(rule('UPHELD'))
        .then([ruled('UPHELD')]));
    it('amends the severity and says so on the breach feed', () => {
      const amendment = {
        outcome: 'VIOLATION_ATTRIBUTED',
        attributedParties: ['AF'],
        severity: 'S2',
        confidence: 'CREDIBLE',
      };
      spec
        .given(untilDisputed)
        .when(rule('AMENDED', amendment))
        .then([
          ruled('AMENDED', amendment),
          {
            type: 'BreachAmended',
            data: { ...caseIds, findingId: 'f1', parties: ['AF'], severity: 'S2', outcome: 'VIOLATION_ATTRIBUTED' },
          },
        ] as never);
    });
    it('vacates the breach when amended to no violation, vacated or remanded', () => {
      const amendment = {
        outcome: 'INSUFFICIENT_EVIDENCE',
        attributedParties: [],
        severity: null,
        confidence: 'UNVERIFIED',
      };
      spec
        .given(untilDisputed)
        .when(rule('AMENDED', amendment))
        .thenContains([
          { type: 'DisputeRuled' },
          { type: 'BreachVacated', data: { ...caseIds, findingId: 'f1', reason: 'AMENDED' } },
        ]);
      spec
        .given(untilDisputed)
        .when(rule('VACATED'))
        .thenContains([
          { type: 'DisputeRuled' },
          { type: 'BreachVacated', data: { ...caseIds, findingId: 'f1', reason: 'VACATED' } },
        ]);
      spec
        .given(untilDisputed)
        .when(rule('REMANDED'))
        .thenContains([
          { type: 'DisputeRuled' },
          { type: 'BreachVacated', data: { ...caseIds, findingId: 'f1', reason: 'REMANDED' } },
        ]);
    });
    it('gives a remanded investigation a new due date, from the ruling, by the agreement terms', () =>
      spec
        .given(untilDisputed)
        .when(rule('REMANDED'))
        .thenContains([
          {
            type: 'DisputeRuled',
            data: expect.objectContaining({ ruling: 'REMANDED', investigationDueAt: '2025-11-19T09:00:00.000Z' }),
          },
          { type: 'BreachVacated' },
        ] as never));
    it('does not flag a remanded investigation late against its old due date', () => {
      const remanded = {
        type: 'DisputeRuled',
        data: {
          ...caseIds,
          findingId: 'f1',
          disputeId: 'd1',
          ruling: 'REMANDED',
          rationale: 'Reviewed',
          amendment: null,
          ruledBy: 'p-tr',
          investigationDueAt: '2025-12-04T09:00:00.000Z',
        },
      } as IncidentEvent;
      spec
        .given([...untilDisputed, remanded])
        .when(command('MarkVerificationDeadlineMissed', {}, actors.admin, '2025-11-21T00:00:00.000Z'))
        .then([]);
      spec
        .given([...untilDisputed, remanded])
        .when(command('MarkVerificationDeadlineMissed', {}, actors.admin, '2025-12-05T00:00:00.000Z'))
        .thenContains([
          { type: 'VerificationDeadlineMissed', data: expect.objectContaining({ dueAt: '2025-12-04T09:00:00.000Z' }) },
        ] as never);
    });
    it('rejects an amendment on any other ruling, an inconsistent amendment, and ruling twice', () => {
      spec
        .given(untilDisputed)
        .when(
          rule('UPHELD', { outcome: 'NO_VIOLATION', attributedParties: [], severity: null, confidence: 'VERIFIED' }),
        )
        .thenThrows('AmendmentOnlyWhenAmended', 'invalid');
      spec
        .given(untilDisputed)
        .when(
          rule('AMENDED', {
            outcome: 'VIOLATION_ATTRIBUTED',
            attributedParties: [],
            severity: 'S1',
            confidence: 'VERIFIED',
          }),
        )
        .thenThrows('OutcomeMatchesAttribution');
      spec
        .given([...untilDisputed, ruled('UPHELD') as never])
        .when(rule('VACATED'))
        .thenThrows('DisputeAlreadyRuled');
      spec.given(untilAdopted).when(rule('VACATED')).thenThrows('DisputeNotFound', 'not_found');
    });
    it('confirms a breach when a ruling amends "no violation" into a violation (defect 1)', () => {
      const noViolation = (e: IncidentEvent): IncidentEvent =>
        e.type === 'FindingDrafted' || e.type === 'FindingAdopted'
          ? ({
              ...e,
              data: { ...e.data, outcome: 'NO_VIOLATION', attributedParties: [], severity: null },
            } as IncidentEvent)
          : e;
      const given = untilDisputed.filter((e) => e.type !== 'BreachConfirmed').map(noViolation);
      const amendment = {
        outcome: 'VIOLATION_ATTRIBUTED',
        attributedParties: ['AF'],
        severity: 'S2',
        confidence: 'VERIFIED',
      };
      spec
        .given(given)
        .when(rule('AMENDED', amendment))
        .then([
          ruled('AMENDED', amendment),
          {
            type: 'BreachConfirmed',
            data: {
              ...caseIds,
              findingId: 'f1',
              parties: ['AF'],
              severity: 'S2',
              category: 'CROSS_BORDER_RAID',
              outcome: 'VIOLATION_ATTRIBUTED',
            },
          },
        ]);
    });
    it('rejects a ruling by a monitor', () =>
      spec
        .given(untilDisputed)
        .when(
          command(
            'RuleOnDispute',
            { disputeId: 'd1', ruling: 'UPHELD', rationale: 'x', amendment: null },
            actors.monitor,
          ),
        )
        .thenThrows('RoleNotAllowed'));
  });

  describe('measures', () => {
    const measure = {
      measureId: 'm1',
      party: 'AF',
      level: 'L2',
      description: 'Formal demand for action against the group',
      dueAt: '2025-12-01T00:00:00.000Z',
    } as const;
    const recorded = {
      type: 'MeasureRecorded' as const,
      data: { ...caseIds, ...measure, findingId: 'f1', decidedBy: 'p-qa' },
    };
    it('records a consequence against the party of a confirmed breach', () =>
      spec
        .given(untilAdopted)
        .when(command('RecordMeasure', measure, actors.qatar))
        .then([recorded]));
    it('rejects a consequence without a confirmed breach by that party', () => {
      spec
        .given(untilAdopted)
        .when(command('RecordMeasure', { ...measure, party: 'PK' }, actors.qatar))
        .thenThrows('MeasureNeedsConfirmedBreach', 'conflict');
      spec
        .given(untilEndorsed)
        .when(command('RecordMeasure', measure, actors.qatar))
        .thenThrows('MeasureNeedsConfirmedBreach');
    });
    it('rejects a due date in the past and a consequence decided by a monitor', () => {
      spec
        .given(untilAdopted)
        .when(command('RecordMeasure', { ...measure, dueAt: '2025-10-01T00:00:00.000Z' }, actors.qatar))
        .thenThrows('MeasureDueInFuture');
      spec
        .given(untilAdopted)
        .when(command('RecordMeasure', measure, actors.monitor))
        .thenThrows('RoleNotAllowed');
    });
    it('records fulfilment once', () => {
      const fulfilled = {
        type: 'MeasureFulfilled' as const,
        data: {
          ...caseIds,
          measureId: 'm1',
          at: '2025-11-01T09:00:00.000Z',
          note: 'Arrests documented',
          recordedBy: 'p-mon1',
        },
      };
      spec
        .given([...untilAdopted, recorded])
        .when(command('RecordMeasureFulfilment', { measureId: 'm1', note: 'Arrests documented' }, actors.monitor))
        .then([fulfilled]);
      spec
        .given([...untilAdopted, recorded, fulfilled])
        .when(command('RecordMeasureFulfilment', { measureId: 'm1', note: 'x' }, actors.monitor))
        .thenThrows('MeasureNotOutstanding');
      spec
        .given(untilAdopted)
        .when(command('RecordMeasureFulfilment', { measureId: 'm9', note: 'x' }, actors.monitor))
        .thenThrows('MeasureNotFound');
    });
  });

  describe('consequences follow the breach, not the case (defects 2 and 3)', () => {
    const recorded = {
      type: 'MeasureRecorded' as const,
      data: {
        ...caseIds,
        measureId: 'm1',
        party: 'AF',
        level: 'L2' as const,
        description: 'Formal demand',
        dueAt: '2025-12-01T00:00:00.000Z',
        findingId: 'f1',
        decidedBy: 'p-qa',
      },
    };
    const closed = { type: 'CaseClosed' as const, data: { ...caseIds, reason: 'done', closedBy: 'p-tr' } };
    const lapsed = (reason: string) => ({
      type: 'MeasureLapsed',
      data: { ...caseIds, findingId: 'f1', measureId: 'm1', party: 'AF', reason },
    });
    it('lapses the measures of a vacated or remanded breach, and of a party an amendment no longer names', () => {
      const disputed = [...untilAdopted, recorded, history.disputed];
      spec
        .given(disputed)
        .when(rule('VACATED'))
        .thenContains([{ type: 'DisputeRuled' }, { type: 'BreachVacated' }, lapsed('VACATED') as never]);
      spec
        .given(disputed)
        .when(rule('REMANDED'))
        .thenContains([{ type: 'DisputeRuled' }, { type: 'BreachVacated' }, lapsed('REMANDED') as never]);
      const toPk = {
        outcome: 'VIOLATION_ATTRIBUTED',
        attributedParties: ['PK'],
        severity: 'S2',
        confidence: 'VERIFIED',
      };
      spec
        .given(disputed)
        .when(rule('AMENDED', toPk))
        .thenContains([{ type: 'DisputeRuled' }, { type: 'BreachAmended' }, lapsed('AMENDED') as never]);
      spec
        .given(disputed)
        .when(rule('UPHELD'))
        .then([ruled('UPHELD')]);
    });
    it('lets a measure be fulfilled or lifted after the case is closed', () => {
      spec
        .given([...untilAdopted, recorded, closed])
        .when(command('RecordMeasureFulfilment', { measureId: 'm1', note: 'Arrests documented' }, actors.monitor))
        .thenContains([{ type: 'MeasureFulfilled' }]);
      spec
        .given([...untilAdopted, recorded, closed])
        .when(command('LiftMeasure', { measureId: 'm1', reason: 'Superseded by talks' }, actors.turkiye))
        .then([
          {
            type: 'MeasureLifted',
            data: {
              ...caseIds,
              measureId: 'm1',
              party: 'AF',
              at: NOW,
              reason: 'Superseded by talks',
              liftedBy: 'p-tr',
            },
          },
        ]);
      spec
        .given([...untilAdopted, recorded])
        .when(command('LiftMeasure', { measureId: 'm1', reason: 'x' }, actors.monitor))
        .thenThrows('RoleNotAllowed');
    });
  });

  describe('rulings and consequences by quorum of institutions (defect 5)', () => {
    const quorate = { ...agreementContext, terms: { ...agreementContext.terms, rulingQuorum: 2, measureQuorum: 2 } };
    const at = (c: ReturnType<typeof command>) => ({ ...c, agreement: quorate }) as typeof c;
    const vote = (mediator: string, institution: string, votes: number) => ({
      type: 'DisputeRulingVoted' as const,
      data: {
        ...caseIds,
        findingId: 'f1',
        disputeId: 'd1',
        ruling: 'VACATED' as const,
        amendment: null,
        rationale: 'Reviewed',
        mediator,
        institution,
        votes,
        quorum: 2,
      },
    });
    it('rules when a second institution backs the same ruling, never on one institution alone', () => {
      spec
        .given(untilDisputed)
        .when(at(rule('VACATED')))
        .then([vote('p-tr', 'TR', 1)]);
      spec
        .given([...untilDisputed, vote('p-tr', 'TR', 1)])
        .when(
          at(
            command(
              'RuleOnDispute',
              { disputeId: 'd1', ruling: 'VACATED', rationale: 'Reviewed', amendment: null } as never,
              actors.turkiye2,
              within,
            ),
          ),
        )
        .thenThrows('InstitutionAlreadyVoted');
      spec
        .given([...untilDisputed, vote('p-tr', 'TR', 1)])
        .when(
          at(
            command(
              'RuleOnDispute',
              { disputeId: 'd1', ruling: 'VACATED', rationale: 'Agreed', amendment: null } as never,
              actors.qatar,
              within,
            ),
          ),
        )
        .thenContains([
          { type: 'DisputeRulingVoted' },
          { type: 'DisputeRuled', data: expect.objectContaining({ ruling: 'VACATED', ruledBy: 'p-qa' }) } as never,
          { type: 'BreachVacated' },
        ]);
    });
    it('does not let an institution that voted one ruling vote another', () =>
      spec
        .given([...untilDisputed, vote('p-tr', 'TR', 1)])
        .when(
          at(
            command(
              'RuleOnDispute',
              { disputeId: 'd1', ruling: 'UPHELD', rationale: 'r', amendment: null } as never,
              actors.turkiye2,
              within,
            ),
          ),
        )
        .thenThrows('InstitutionAlreadyVoted'));
    it('records a consequence once two institutions back the same one', () => {
      const measure = { measureId: 'm1', party: 'AF', level: 'L2', description: 'Demand', dueAt: null } as const;
      const voted = {
        type: 'MeasureVoted' as const,
        data: { ...caseIds, ...measure, findingId: 'f1', mediator: 'p-tr', institution: 'TR', votes: 1, quorum: 2 },
      };
      spec
        .given(untilAdopted)
        .when(at(command('RecordMeasure', measure, actors.turkiye)))
        .then([voted]);
      spec
        .given([...untilAdopted, voted])
        .when(at(command('RecordMeasure', { ...measure, level: 'L3' }, actors.qatar)))
        .thenThrows('MeasureDiffersFromVotes');
      spec
        .given([...untilAdopted, voted])
        .when(at(command('RecordMeasure', measure, actors.qatar)))
        .thenContains([{ type: 'MeasureVoted' }, { type: 'MeasureRecorded' }]);
    });
  });

  describe('CloseCase', () => {
    it('closes a case with no open dispute, once', () => {
      const closed = {
        type: 'CaseClosed' as const,
        data: { ...caseIds, reason: 'Finding adopted; measure recorded', closedBy: 'p-tr' },
      };
      spec
        .given(untilAdopted)
        .when(command('CloseCase', { reason: 'Finding adopted; measure recorded' }, actors.turkiye))
        .then([closed]);
      spec
        .given([...untilAdopted, closed])
        .when(command('CloseCase', { reason: 'x' }, actors.turkiye))
        .thenThrows('CaseClosed');
    });
    it('rejects closing with an open dispute', () =>
      spec
        .given(untilDisputed)
        .when(command('CloseCase', { reason: 'x' }, actors.turkiye))
        .thenThrows('OpenDisputes', 'conflict'));
  });
});
