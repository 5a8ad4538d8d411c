import { breachesOverTime } from './breaches-over-time';

const finding = (adoptedAt: string, parties: string[], severity: string, more: object = {}) => ({
  status: 'ADOPTED',
  outcome: parties.length > 1 ? 'VIOLATION_MULTI_PARTY' : 'VIOLATION_ATTRIBUTED',
  attributedParties: parties,
  severity,
  adoptedAt,
  ...more,
});

describe('confirmed breaches over time', () => {
  it('counts each adopted violation once per party named, by month of adoption and severity', () => {
    const series = breachesOverTime(
      [
        { findings: [finding('2025-11-03T10:00:00Z', ['AF'], 'S3')] },
        {
          findings: [
            finding('2025-11-20T10:00:00Z', ['AF', 'PK'], 'S2'),
            finding('2025-11-21T00:00:00Z', ['PK'], 'S2'),
          ],
        },
        { findings: [finding('2026-01-02T00:00:00Z', ['PK'], 'S1')] },
      ],
      ['AF', 'PK'],
    );
    expect(series).toEqual([
      { month: '2025-11', byParty: { AF: { S3: 1, S2: 1 }, PK: { S2: 2 } } },
      { month: '2025-12', byParty: { AF: {}, PK: {} } },
      { month: '2026-01', byParty: { AF: {}, PK: { S1: 1 } } },
    ]);
  });

  it('leaves out findings not adopted, vacated, of no violation or unattributed', () => {
    const series = breachesOverTime(
      [
        {
          findings: [
            finding('2025-11-03T10:00:00Z', ['AF'], 'S3', { status: 'DRAFT' }),
            finding('2025-11-03T10:00:00Z', ['AF'], 'S3', { status: 'VACATED' }),
            finding('2025-11-03T10:00:00Z', [], 'S3', { outcome: 'NO_VIOLATION' }),
            finding('2025-11-03T10:00:00Z', [], 'S3', { outcome: 'VIOLATION_UNATTRIBUTED' }),
          ],
        },
      ],
      ['AF', 'PK'],
    );
    expect(series).toEqual([]);
  });

  it('leaves out findings adopted after the time cut', () => {
    const incidents = [
      { findings: [finding('2025-11-03T10:00:00Z', ['AF'], 'S3')] },
      { findings: [finding('2025-12-03T10:00:00Z', ['PK'], 'S2')] },
    ];
    expect(breachesOverTime(incidents, ['AF', 'PK'], '2025-11-30T00:00:00Z')).toEqual([
      { month: '2025-11', byParty: { AF: { S3: 1 }, PK: {} } },
    ]);
  });
});
