import type { AgreementContext } from '../agreement/agreement-context';
import type { IncidentCommand } from '../incident/incident.commands';
import type { IncidentEvent } from '../incident/incident.events';
import type { Actor } from '../shared/actor';
import { actors, AGREEMENT_ID, NOW, terms } from './fixtures';

export const INCIDENT_ID = '0b7c3f0e-8a55-4c59-8c1d-6a8f1f0d2e31';

export const agreementContext: AgreementContext = {
  agreementId: AGREEMENT_ID,
  status: 'ACTIVE',
  parties: ['PK', 'AF'],
  mediators: ['TR', 'QA'],
  provisions: ['P1', 'P2'],
  terms,
  effectiveAt: '2025-10-19T00:00:00.000Z',
};

const ids = { incidentId: INCIDENT_ID, agreementId: AGREEMENT_ID };

/** A command of the given type with the shared fields filled in. */
export const command = <T extends IncidentCommand['type']>(
  type: T,
  fields: Omit<Extract<IncidentCommand, { type: T }>, 'type' | 'actor' | 'now' | 'incidentId' | 'agreement'>,
  actor: Actor,
  now = NOW,
): IncidentCommand =>
  ({ type, actor, now, incidentId: INCIDENT_ID, agreement: agreementContext, ...fields }) as IncidentCommand;

/** The case's events so far, in the order a real case produces them. */
export const history = {
  reported: {
    type: 'IncidentReported',
    data: {
      ...ids,
      reporter: { kind: 'PARTY', party: 'PK', principalId: actors.pakistan.principalId },
      occurredAt: '2025-10-31T22:40:00.000Z',
      occurredAtPrecision: 'HOUR',
      location: { lat: 34.07, lon: 71.1, precisionKm: 5, place: 'Torkham crossing' },
      category: 'CROSS_BORDER_RAID',
      allegedPerpetrator: 'AF',
      provisionsCited: ['P2'],
      casualties: { low: 1, best: 2, high: 4 },
      description: 'Militants crossed from Afghan territory and attacked a border post.',
      responseDueAt: '2025-11-04T09:00:00.000Z',
    },
  },
  admissible: {
    type: 'IncidentTriaged',
    data: {
      ...ids,
      decision: 'ADMISSIBLE',
      duplicateOf: null,
      reason: 'specific and within mandate',
      triagedBy: actors.monitor.principalId,
    },
  },
  investigating: {
    type: 'InvestigationOpened',
    data: { ...ids, openedBy: actors.monitor.principalId, dueAt: '2025-11-15T09:00:00.000Z' },
  },
  drafted: {
    type: 'FindingDrafted',
    data: {
      ...ids,
      findingId: 'f1',
      outcome: 'VIOLATION_ATTRIBUTED',
      attributedParties: ['AF'],
      severity: 'S3',
      confidence: 'CREDIBLE',
      rationale: 'Tracks and witness statements',
      draftedBy: actors.monitor.principalId,
    },
  },
  endorsed: { type: 'FindingEndorsed', data: { ...ids, findingId: 'f1', endorsedBy: actors.monitor2.principalId } },
  firstVote: {
    type: 'FindingAdoptionVoted',
    data: { ...ids, findingId: 'f1', mediator: actors.turkiye.principalId, institution: 'TR', votes: 1, quorum: 2 },
  },
  secondVote: {
    type: 'FindingAdoptionVoted',
    data: { ...ids, findingId: 'f1', mediator: actors.qatar.principalId, institution: 'QA', votes: 2, quorum: 2 },
  },
  adopted: {
    type: 'FindingAdopted',
    data: {
      ...ids,
      findingId: 'f1',
      outcome: 'VIOLATION_ATTRIBUTED',
      attributedParties: ['AF'],
      severity: 'S3',
      confidence: 'CREDIBLE',
      adoptedBy: [actors.turkiye.principalId, actors.qatar.principalId],
      adoptedAt: NOW,
      disputeWindowEndsAt: '2025-11-08T09:00:00.000Z',
    },
  },
  breach: {
    type: 'BreachConfirmed',
    data: {
      ...ids,
      findingId: 'f1',
      parties: ['AF'],
      severity: 'S3',
      category: 'CROSS_BORDER_RAID',
      outcome: 'VIOLATION_ATTRIBUTED',
    },
  },
  disputed: {
    type: 'DisputeFiled',
    data: {
      ...ids,
      disputeId: 'd1',
      findingId: 'f1',
      party: 'AF',
      grounds: 'ATTRIBUTION',
      statement: 'The group is not under our control',
    },
  },
} satisfies Record<string, IncidentEvent>;

const h = history;
export const untilReported: IncidentEvent[] = [h.reported];
export const untilInvestigating: IncidentEvent[] = [h.reported, h.admissible, h.investigating];
export const untilEndorsed: IncidentEvent[] = [...untilInvestigating, h.drafted, h.endorsed];
export const untilAdopted: IncidentEvent[] = [...untilEndorsed, h.firstVote, h.secondVote, h.adopted, h.breach];
export const untilDisputed: IncidentEvent[] = [...untilAdopted, h.disputed];
export const caseIds = ids;
