import { agreementRegistered, AGREEMENT_ID, NOW } from '../testing/fixtures';
import { history, untilAdopted } from '../testing/incident-fixtures';
import type { AgreementRecordEvent } from './compliance.state';
import { evolveCompliance, initialComplianceState } from './compliance.state';
import { complianceReport } from './compliance.report';

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

  it('calls an S4 breach, two S3s or three access denials a material breach', () => {
    const s4 = { ...history.breach, data: { ...history.breach.data, severity: 'S4' as const } };
    expect(party([agreementRegistered, s4], 'AF').status).toBe('MATERIAL_BREACH');
    const second = { ...history.breach, data: { ...history.breach.data, findingId: 'f2' } };
    expect(party([agreementRegistered, history.breach, second], 'AF').status).toBe('MATERIAL_BREACH');
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
    expect(party([agreementRegistered, denial(1), denial(2), denial(3)], 'PK').status).toBe('MATERIAL_BREACH');
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
});
