import { DeciderSpecification } from '@ceasefire/decider/testing';
import { actors } from '../testing/fixtures';
import {
  caseIds,
  command,
  history,
  untilAdopted,
  untilDisputed,
  untilEndorsed,
  untilInvestigating,
  untilReported,
} from '../testing/incident-fixtures';
import { incidentDecider } from './incident.decider';
import type { IncidentEvent } from './incident.events';

const spec = DeciderSpecification.for(incidentDecider);
const within = '2025-11-05T09:00:00.000Z';
const denied: IncidentEvent = {
  type: 'AccessDenied',
  data: { ...caseIds, denialId: 'a1', deniedBy: 'AF', at: within, place: 'p', description: 'd', recordedBy: 'p-mon1' },
};
const measured: IncidentEvent = {
  type: 'MeasureRecorded',
  data: { ...caseIds, measureId: 'm1', party: 'AF', level: 'L1', description: 'd', dueAt: null, decidedBy: 'p-tr' },
};

/** The remaining rejections, one row each: given, command, the rule it must name. */
const rows: [string, IncidentEvent[], ReturnType<typeof command>, string][] = [
  [
    'a second denial under the same id',
    [...untilInvestigating, denied],
    command(
      'RecordAccessDenial',
      { denialId: 'a1', deniedBy: 'AF', at: within, place: 'p', description: 'd' },
      actors.monitor,
    ),
    'AccessDenialIdTaken',
  ],
  [
    'an access denial recorded by a mediator',
    untilInvestigating,
    command(
      'RecordAccessDenial',
      { denialId: 'a2', deniedBy: 'AF', at: within, place: 'p', description: 'd' },
      actors.turkiye,
    ),
    'RoleNotAllowed',
  ],
  [
    'a dissent on a finding that does not exist',
    untilEndorsed,
    command('RecordDissent', { findingId: 'f9', text: 't' }, actors.monitor),
    'FindingNotFound',
  ],
  [
    'a dissent by an observer',
    untilEndorsed,
    command('RecordDissent', { findingId: 'f1', text: 't' }, actors.observer),
    'RoleNotAllowed',
  ],
  [
    'a dispute id used twice',
    [
      ...untilDisputed,
      {
        type: 'DisputeRuled',
        data: {
          ...caseIds,
          disputeId: 'd1',
          findingId: 'f1',
          ruling: 'UPHELD',
          rationale: 'r',
          amendment: null,
          ruledBy: 'p-tr',
        },
      },
    ],
    command(
      'FileDispute',
      { disputeId: 'd1', findingId: 'f1', grounds: 'PROCEDURE', statement: 's' },
      actors.afghanistan,
      within,
    ),
    'DisputeIdTaken',
  ],
  [
    'a dispute of a finding that does not exist',
    untilAdopted,
    command(
      'FileDispute',
      { disputeId: 'd1', findingId: 'f9', grounds: 'PROCEDURE', statement: 's' },
      actors.afghanistan,
      within,
    ),
    'FindingNotFound',
  ],
  [
    'a measure id used twice',
    [...untilAdopted, measured],
    command(
      'RecordMeasure',
      { measureId: 'm1', party: 'AF', level: 'L1', description: 'd', dueAt: null },
      actors.turkiye,
    ),
    'MeasureIdTaken',
  ],
  [
    'a measure against a non-party',
    untilAdopted,
    command(
      'RecordMeasure',
      { measureId: 'm2', party: 'XX', level: 'L1', description: 'd', dueAt: null },
      actors.turkiye,
    ),
    'PartyOfAgreement',
  ],
  [
    'a fulfilment recorded by a party',
    [...untilAdopted, measured],
    command('RecordMeasureFulfilment', { measureId: 'm1', note: 'n' }, actors.afghanistan),
    'RoleNotAllowed',
  ],
  ['closing by a monitor', untilReported, command('CloseCase', { reason: 'r' }, actors.monitor), 'RoleNotAllowed'],
  ['closing a case that does not exist', [], command('CloseCase', { reason: 'r' }, actors.turkiye), 'IncidentNotFound'],
  [
    'triage of a closed case',
    [...untilReported, { type: 'CaseClosed', data: { ...caseIds, reason: 'r', closedBy: 'p-tr' } }],
    command('TriageIncident', { decision: 'ADMISSIBLE', duplicateOf: null, reason: 'r' }, actors.monitor),
    'CaseClosed',
  ],
  [
    'a finding drafted before any investigation',
    [history.reported, history.admissible],
    command(
      'DraftFinding',
      {
        findingId: 'f1',
        outcome: 'NO_VIOLATION',
        attributedParties: [],
        severity: null,
        confidence: 'VERIFIED',
        rationale: 'r',
      },
      actors.monitor,
    ),
    'NoOpenInvestigation',
  ],
  [
    'an endorsement by a mediator',
    [...untilInvestigating, history.drafted],
    command('EndorseFinding', { findingId: 'f1' }, actors.turkiye),
    'RoleNotAllowed',
  ],
];

describe('incident decider: further rejections', () => {
  it.each(rows)('rejects %s', (_name, given, when, rule) => spec.given(given).when(when).thenThrows(rule));
});
