import { history, untilAdopted, untilReported } from '../testing/incident-fixtures';
import { openObligations } from './case-obligations';
import type { IncidentEvent } from './incident.events';
import { evolveIncident, type IncidentCase, initialIncidentState } from './incident.state';

const caseOf = (events: IncidentEvent[]) => events.reduce(evolveIncident, initialIncidentState()) as IncidentCase;
const ids = { incidentId: history.reported.data.incidentId, agreementId: history.reported.data.agreementId };
const accused = history.reported.data.allegedPerpetrator;
const event = (type: string, data: object) => ({ type, data: { ...ids, ...data } }) as IncidentEvent;
const measure = (measureId: string) =>
  event('MeasureRecorded', {
    measureId,
    party: accused,
    level: 'L2',
    description: 'd',
    dueAt: '2025-12-01T00:00:00.000Z',
    decidedBy: 'p-tr',
    findingId: 'f1',
  });

describe('the open obligations of a case', () => {
  it('owes the accused party its response while the case is open and it has not answered', () => {
    expect(openObligations(caseOf(untilReported))).toEqual([
      { kind: 'RESPONSE', party: accused, ...ids, dueAt: history.reported.data.responseDueAt, missed: false },
    ]);
  });

  it('owes nothing more once the accused party answered', () => {
    const answered = event('AllegationResponded', { party: accused, response: 'DENY', statement: 'no' });
    expect(openObligations(caseOf([...untilReported, answered]))).toEqual([]);
  });

  it('still owes a missed response, marked missed', () => {
    const missed = event('ResponseDeadlineMissed', { party: accused, dueAt: history.reported.data.responseDueAt });
    expect(openObligations(caseOf([...untilReported, missed]))).toEqual([
      expect.objectContaining({ kind: 'RESPONSE', missed: true }),
    ]);
  });

  it('owes each outstanding measure, and not one fulfilled', () => {
    const fulfilled = event('MeasureFulfilled', {
      measureId: 'm1',
      at: '2025-11-20T00:00:00.000Z',
      note: 'n',
      recordedBy: 'p-tr',
    });
    const owed = openObligations(caseOf([...untilAdopted, measure('m1'), measure('m2'), fulfilled]));
    expect(owed.filter((o) => o.kind === 'MEASURE')).toEqual([
      { kind: 'MEASURE', party: accused, ...ids, measureId: 'm2', level: 'L2', dueAt: '2025-12-01T00:00:00.000Z' },
    ]);
  });
});
