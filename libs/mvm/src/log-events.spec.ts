import { BREACH_EVENT_TYPES } from './compliance/breach.events';
import { COMPLIANCE_EVENT_TYPES } from './compliance/compliance.state';
import { LOG_EVENT_TYPES } from './log-events';

describe("the log's vocabulary", () => {
  it('names each event type once', () => {
    expect(new Set(LOG_EVENT_TYPES).size).toBe(LOG_EVENT_TYPES.length);
  });

  it('holds every breach and every compliance event type', () => {
    expect(BREACH_EVENT_TYPES.filter((t) => !LOG_EVENT_TYPES.includes(t))).toEqual([]);
    expect(COMPLIANCE_EVENT_TYPES.filter((t) => !LOG_EVENT_TYPES.includes(t))).toEqual([]);
    expect(BREACH_EVENT_TYPES).toEqual([
      'AccessDenied',
      'BreachConfirmed',
      'BreachAmended',
      'BreachVacated',
      'MeasureRecorded',
      'MeasureFulfilled',
      'MeasureLifted',
      'MeasureLapsed',
      'CommitmentDeadlineMissed',
    ]);
  });
});
