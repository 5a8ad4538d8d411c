import { agreementRegistered, AGREEMENT_ID, NOW } from '../testing/fixtures';
import { history, untilAdopted } from '../testing/incident-fixtures';
import type { AgreementRecordEvent } from './compliance.state';
import { evolveCompliance, initialComplianceState } from './compliance.state';
import { complianceReport } from './compliance.report';
import { DEFAULT_RULEBOOK, type ComplianceRulebook } from './compliance.rulebook';

const ids = { incidentId: history.reported.data.incidentId, agreementId: AGREEMENT_ID };
const measure = (over: Record<string, unknown> = {}): AgreementRecordEvent =>
  ({
    type: 'MeasureRecorded',
    data: {
      ...ids,
      measureId: 'm1',
      party: 'AF',
      level: 'L2',
      description: 'd',
      dueAt: '2025-11-10T00:00:00.000Z',
      decidedBy: 'p-qa',
      findingId: 'f1',
      ...over,
    },
  }) as AgreementRecordEvent;
const adopted = (rulebook: ComplianceRulebook, effectiveFrom = '2025-10-01T00:00:00.000Z'): AgreementRecordEvent => ({
  type: 'RulebookAdopted',
  data: { agreementId: AGREEMENT_ID, effectiveFrom, rulebook, adoptedBy: ['p-tr', 'p-qa'] },
});

const reportAfter = (events: AgreementRecordEvent[], asOf = NOW) =>
  complianceReport(events.reduce(evolveCompliance, initialComplianceState()), asOf);
const party = (events: AgreementRecordEvent[], code: string, asOf = NOW) =>
  reportAfter(events, asOf).parties.find((p) => p.party === code)!;

describe('compliance report', () => {
  it('starts every party compliant', () => {
    expect(reportAfter([agreementRegistered]).parties.map((p) => [p.party, p.status])).toEqual([
      ['PK', 'COMPLIANT'],
      ['AF', 'COMPLIANT'],
    ]);
  });

  it('shows an allegation as pending, apart, without changing the status', () => {
    const af = party([agreementRegistered, history.reported], 'AF');
    expect(af.status).toBe('COMPLIANT');
    expect(af.pendingAllegations).toEqual({ total: 1, incidents: [history.reported.data.incidentId] });
  });

  it('counts an adopted S3 breach as non-compliant and settles the allegation', () => {
    const af = party([agreementRegistered, ...untilAdopted], 'AF');
    expect(af.status).toBe('NON_COMPLIANT');
    expect(af.confirmedBreaches.bySeverity.S3).toBe(1);
    expect(af.pendingAllegations.total).toBe(0);
    expect(party([agreementRegistered, ...untilAdopted], 'PK').status).toBe('COMPLIANT');
  });

  it('counts findings of different cases apart even when their local ids match', () => {
    const other = { ...history.breach, data: { ...history.breach.data, incidentId: 'another-incident' } };
    expect(party([agreementRegistered, history.breach, other], 'AF').confirmedBreaches.total).toBe(2);
  });

  it('drops a vacated breach and re-counts an amended one', () => {
    const ids = { incidentId: history.reported.data.incidentId, agreementId: AGREEMENT_ID, findingId: 'f1' };
    expect(
      party(
        [agreementRegistered, ...untilAdopted, { type: 'BreachVacated', data: { ...ids, reason: 'VACATED' } }],
        'AF',
      ).status,
    ).toBe('COMPLIANT');
    const amended = {
      type: 'BreachAmended' as const,
      data: { ...ids, parties: ['AF'], severity: 'S1' as const, outcome: 'VIOLATION_ATTRIBUTED' as const },
    };
    expect(party([agreementRegistered, ...untilAdopted, amended], 'AF').status).toBe('CONCERN');
  });

  it('rates an S4 breach, two S3s or three access denials as serious non-compliance, in neutral words', () => {
    const s4 = { ...history.breach, data: { ...history.breach.data, severity: 'S4' as const } };
    expect(party([agreementRegistered, s4], 'AF').status).toBe('SERIOUS_NON_COMPLIANCE');
    const second = { ...history.breach, data: { ...history.breach.data, findingId: 'f2' } };
    expect(party([agreementRegistered, history.breach, second], 'AF').status).toBe('SERIOUS_NON_COMPLIANCE');
    const denial = (n: number): AgreementRecordEvent => ({
      type: 'AccessDenied',
      data: {
        incidentId: 'i',
        agreementId: AGREEMENT_ID,
        denialId: `a${n}`,
        deniedBy: 'PK',
        at: NOW,
        place: 'x',
        description: 'x',
        recordedBy: 'm',
      },
    });
    expect(party([agreementRegistered, denial(1)], 'PK').status).toBe('NON_COMPLIANT');
    expect(party([agreementRegistered, denial(1), denial(2), denial(3)], 'PK').status).toBe('SERIOUS_NON_COMPLIANCE');
  });

  it('rates commitments on track, at risk, overdue and met as of the moment asked', () => {
    const defined: AgreementRecordEvent = {
      type: 'CommitmentDefined',
      data: {
        commitmentId: 'c1',
        agreementId: AGREEMENT_ID,
        obligor: 'AF',
        title: 't',
        indicator: 'i',
        target: 3,
        unit: 'u',
        dueAt: '2025-12-31T00:00:00.000Z',
        evidenceRequired: 'e',
        definedBy: 'p-tr',
      },
    };
    expect(party([agreementRegistered, defined], 'AF', NOW).commitments).toEqual({
      onTrack: 1,
      atRisk: 0,
      overdue: 0,
      met: 0,
    });
    expect(party([agreementRegistered, defined], 'AF', '2025-12-20T00:00:00.000Z')).toMatchObject({
      status: 'CONCERN',
      commitments: { atRisk: 1 },
    });
    expect(party([agreementRegistered, defined], 'AF', '2026-01-02T00:00:00.000Z')).toMatchObject({
      status: 'NON_COMPLIANT',
      commitments: { overdue: 1 },
    });
    const met: AgreementRecordEvent = {
      type: 'CommitmentMet',
      data: { commitmentId: 'c1', agreementId: AGREEMENT_ID, at: NOW, acceptedTotal: 3 },
    };
    expect(party([agreementRegistered, defined, met], 'AF', '2026-01-02T00:00:00.000Z')).toMatchObject({
      status: 'COMPLIANT',
      commitments: { met: 1 },
    });
  });

  it('counts consequences outstanding, and overdue ones against the status', () => {
    const measure: AgreementRecordEvent = {
      type: 'MeasureRecorded',
      data: {
        incidentId: 'i',
        agreementId: AGREEMENT_ID,
        measureId: 'm1',
        party: 'PK',
        level: 'L1',
        description: 'd',
        dueAt: '2025-11-10T00:00:00.000Z',
        decidedBy: 'p-tr',
      },
    };
    expect(party([agreementRegistered, measure], 'PK', NOW)).toMatchObject({
      status: 'COMPLIANT',
      consequencesOutstanding: 1,
    });
    expect(party([agreementRegistered, measure], 'PK', '2025-11-11T00:00:00.000Z')).toMatchObject({
      status: 'NON_COMPLIANT',
      consequencesOverdue: 1,
    });
  });

  it('stops counting a lapsed measure: a vacated finding leaves no consequence owed (defect 2)', () => {
    const lapsed: AgreementRecordEvent = {
      type: 'MeasureLapsed',
      data: { ...ids, measureId: 'm1', party: 'AF', findingId: 'f1', reason: 'VACATED' },
    };
    const vacated: AgreementRecordEvent = {
      type: 'BreachVacated',
      data: { ...ids, findingId: 'f1', reason: 'VACATED' },
    };
    const late = '2025-11-11T00:00:00.000Z';
    expect(party([agreementRegistered, ...untilAdopted, measure(), vacated, lapsed], 'AF', late)).toMatchObject({
      status: 'COMPLIANT',
      consequencesOutstanding: 0,
      consequencesOverdue: 0,
    });
  });

  it('says which rule fired and on what, with ids a client can follow', () => {
    const af = party([agreementRegistered, ...untilAdopted], 'AF');
    expect(af.label).toBe(DEFAULT_RULEBOOK.labels.NON_COMPLIANT);
    expect(af.reasons).toEqual([
      {
        level: 'NON_COMPLIANT',
        rule: 'NON_COMPLIANT.breaches.S3',
        count: 1,
        threshold: 1,
        refs: [{ kind: 'finding', id: `${ids.incidentId}/f1`, href: `/v1/incidents/${ids.incidentId}` }],
      },
    ]);
    expect(reportAfter([agreementRegistered]).rulebook.version).toBe('default-1');
  });

  it('lists an UNVERIFIED breach but does not count it under the default rulebook', () => {
    const unverified = untilAdopted.map((e) =>
      e.type === 'FindingAdopted' ? { ...e, data: { ...e.data, confidence: 'UNVERIFIED' as const } } : e,
    );
    const af = party([agreementRegistered, ...unverified], 'AF');
    expect(af.status).toBe('COMPLIANT');
    expect(af.confirmedBreaches.notCounted.belowConfidence).toEqual([`${ids.incidentId}/f1`]);
  });

  it('applies the rulebook in force at the moment asked, so a later rulebook never changes an earlier answer', () => {
    const strict: ComplianceRulebook = {
      ...DEFAULT_RULEBOOK,
      version: 'strict-2',
      levels: { ...DEFAULT_RULEBOOK.levels, SERIOUS_NON_COMPLIANCE: { breaches: { S3: 1 } } },
      labels: { ...DEFAULT_RULEBOOK.labels, SERIOUS_NON_COMPLIANCE: 'Grave' },
    };
    const events = [agreementRegistered, ...untilAdopted, adopted(strict, '2025-12-01T00:00:00.000Z')];
    expect(reportAfter(events, NOW)).toMatchObject({ rulebook: { version: 'default-1' } });
    expect(party(events, 'AF', NOW).status).toBe('NON_COMPLIANT');
    const later = reportAfter(events, '2025-12-02T00:00:00.000Z');
    expect(later.rulebook.version).toBe('strict-2');
    expect(later.parties.find((p) => p.party === 'AF')).toMatchObject({
      status: 'SERIOUS_NON_COMPLIANCE',
      label: 'Grave',
    });
  });

  it('cures a breach after the stated period without recurrence, or once its measure is fulfilled', () => {
    const curing: ComplianceRulebook = {
      ...DEFAULT_RULEBOOK,
      version: 'cure-1',
      cure: { afterDaysWithoutRecurrence: 90, onMeasureFulfilled: true },
    };
    const events = [agreementRegistered, adopted(curing), ...untilAdopted];
    // occurred 2025-10-31: still counting 89 days on, cured at 90
    expect(party(events, 'AF', '2026-01-28T00:00:00.000Z').status).toBe('NON_COMPLIANT');
    expect(party(events, 'AF', '2026-01-30T00:00:00.000Z')).toMatchObject({
      status: 'COMPLIANT',
      confirmedBreaches: { notCounted: { cured: [`${ids.incidentId}/f1`] } },
    });
    const fulfilled: AgreementRecordEvent = {
      type: 'MeasureFulfilled',
      data: { ...ids, measureId: 'm1', at: NOW, note: 'n', recordedBy: 'p-mon1' },
    };
    expect(party([...events, measure(), fulfilled], 'AF', NOW).status).toBe('COMPLIANT');
  });

  it('answers for a period of valid time: what occurred in it', () => {
    const state = [agreementRegistered, ...untilAdopted].reduce(evolveCompliance, initialComplianceState());
    const before = complianceReport(state, {
      asOf: '2025-10-30T00:00:00.000Z',
      period: { from: '2025-10-01T00:00:00.000Z', to: '2025-10-30T00:00:00.000Z' },
    });
    expect(before.parties.find((p) => p.party === 'AF')?.status).toBe('COMPLIANT');
    const covering = complianceReport(state, {
      asOf: '2025-11-30T00:00:00.000Z',
      period: { from: '2025-10-30T00:00:00.000Z', to: '2025-11-30T00:00:00.000Z' },
    });
    expect(covering.parties.find((p) => p.party === 'AF')?.status).toBe('NON_COMPLIANT');
    expect(covering.period).toEqual({ from: '2025-10-30T00:00:00.000Z', to: '2025-11-30T00:00:00.000Z' });
  });

  it('shows a suspended agreement as suspended', () => {
    const suspended: AgreementRecordEvent = {
      type: 'AgreementSuspended',
      data: { agreementId: AGREEMENT_ID, at: NOW, reason: 'talks' },
    };
    expect(reportAfter([agreementRegistered, suspended]).agreement).toEqual({
      status: 'SUSPENDED',
      suspendedSince: NOW,
    });
    const resumed: AgreementRecordEvent = {
      type: 'AgreementResumed',
      data: { agreementId: AGREEMENT_ID, at: '2025-11-02T00:00:00.000Z', reason: 'resumed' },
    };
    expect(reportAfter([agreementRegistered, suspended, resumed], '2025-11-03T00:00:00.000Z').agreement.status).toBe(
      'ACTIVE',
    );
  });
});
