import { actors } from '../testing/fixtures';
import { history, untilEndorsed } from '../testing/incident-fixtures';
import { caseViewFor } from './case-visibility';
import type { IncidentEvent } from './incident.events';
import { evolveIncident, type IncidentCase, initialIncidentState } from './incident.state';

const witness = { sealed: { alg: 'A256GCM' as const, kid: 'k1', iv: 'i', ct: 'c', tag: 't' } };
const interview: IncidentEvent = {
  type: 'InterviewRecorded',
  data: {
    ...history.reported.data,
    interviewId: 'w1',
    witness,
    source: null,
    summary: 'saw the crossing',
    recordedBy: 'p-mon1',
  },
} as IncidentEvent;
const caseOf = (events: IncidentEvent[]) => events.reduce(evolveIncident, initialIncidentState()) as IncidentCase;
const classified = (level: string): IncidentEvent =>
  ({
    type: 'CaseClassified',
    data: { ...history.reported.data, level, reason: 'r', classifiedBy: 'p-tr' },
  }) as IncidentEvent;

describe('who sees what of a case', () => {
  const parties = ['PK', 'AF'];
  const found = caseOf([...untilEndorsed, interview]);

  it('shows the witness (sealed, for the API to open) to monitors and mediators only', () => {
    expect(caseViewFor(actors.monitor, found, parties)?.interviews[0].witness).toEqual(witness);
    expect(caseViewFor(actors.auditor, found, parties)?.interviews[0].witness).toEqual({ withheld: true });
    expect(caseViewFor(actors.pakistan, found, parties)?.interviews).toEqual([]);
  });

  it('keeps draft findings from the parties until adopted, and the case from observers until published', () => {
    expect(caseViewFor(actors.pakistan, found, parties)?.findings).toEqual([]);
    expect(caseViewFor(actors.monitor, found, parties)?.findings).toHaveLength(1);
    expect(caseViewFor(actors.observer, found, parties)).toBeNull();
    expect(caseViewFor(actors.observer, caseOf([...untilEndorsed, classified('PUBLIC')]), parties)).not.toBeNull();
  });

  it('hides a MECHANISM case from the parties and a case from a party outside the agreement', () => {
    const mechanism = caseOf([...untilEndorsed, classified('MECHANISM')]);
    expect(caseViewFor(actors.pakistan, mechanism, parties)).toBeNull();
    expect(caseViewFor(actors.auditor, mechanism, parties)).not.toBeNull();
    expect(caseViewFor({ principalId: 'p-in', role: 'party', party: 'IN' }, found, parties)).toBeNull();
  });
});
