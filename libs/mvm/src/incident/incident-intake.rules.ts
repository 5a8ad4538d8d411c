import { conflict, forbidden, invalid } from '@ceasefire/decider';
import { requireRole } from '../shared/actor';
import { addHours, dueUnderSuspensions, isAfter, isAtOrAfter } from '../shared/time';
import type { IncidentCommand } from './incident.commands';
import type { IncidentEvent, Reporter } from './incident.events';
import { actingParty, existingCase, openCase, requireParty } from './incident.guards';
import type { IncidentState } from './incident.state';
import { UNKNOWN_PARTY } from './incident.vocabulary';

type Cmd<T extends IncidentCommand['type']> = Extract<IncidentCommand, { type: T }>;

export const reportIncident = (c: Cmd<'ReportIncident'>, state: IncidentState): IncidentEvent[] => {
  if (state.status !== 'NONE') throw conflict('IncidentAlreadyReported', 'this incident id is taken');
  requireRole(c.actor, ['party', 'monitor', 'mediator'], 'report an incident');
  const sealedContact = c.reporterContact ? { contact: c.reporterContact } : {};
  const reporter: Reporter =
    c.actor.role === 'party'
      ? { kind: 'PARTY', party: actingParty(c.actor), principalId: c.actor.principalId, ...sealedContact }
      : c.source
        ? { kind: 'PUBLIC_SOURCE', principalId: c.actor.principalId, source: c.source, ...sealedContact }
        : { kind: 'MONITOR', principalId: c.actor.principalId, ...sealedContact };
  if (c.allegedPerpetrator !== UNKNOWN_PARTY) requireParty(c.agreement, c.allegedPerpetrator, 'allegedPerpetrator');
  const unknownProvision = c.provisionsCited.find((p) => !c.agreement.provisions.includes(p));
  if (unknownProvision)
    throw invalid('ProvisionOfAgreement', `provision ${unknownProvision} is not in the agreement`, 'provisionsCited');
  if (isAfter(c.occurredAt, c.now))
    throw invalid('OccurredInThePast', 'occurredAt cannot be in the future', 'occurredAt');
  if (isAfter(c.agreement.effectiveAt, c.occurredAt))
    throw invalid(
      'OccurredUnderAgreement',
      `occurredAt is before the agreement took effect (${c.agreement.effectiveAt})`,
      'occurredAt',
    );
  const { low, best, high } = c.casualties;
  if (!(low <= best && best <= high))
    throw invalid('CasualtiesOrdered', 'casualties must satisfy low ≤ best ≤ high', 'casualties');
  const responseDueAt =
    c.allegedPerpetrator === UNKNOWN_PARTY ? null : addHours(c.now, c.agreement.terms.responseWindowHours);
  const {
    incidentId,
    occurredAt,
    occurredAtPrecision,
    location,
    category,
    allegedPerpetrator,
    provisionsCited,
    casualties,
    description,
  } = c;
  return [
    {
      type: 'IncidentReported',
      data: {
        incidentId,
        agreementId: c.agreement.agreementId,
        reporter,
        occurredAt,
        occurredAtPrecision,
        location,
        category,
        allegedPerpetrator,
        provisionsCited,
        casualties,
        description,
        responseDueAt,
      },
    },
  ];
};

export const registerEvidence = (c: Cmd<'RegisterEvidence'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['party', 'monitor', 'mediator'], 'register evidence');
  const found = openCase(state);
  if (found.evidence.some((e) => e.sha256 === c.sha256))
    throw conflict('EvidenceAlreadyRegistered', 'this evidence hash is already on file');
  if (found.evidence.some((e) => e.evidenceId === c.evidenceId))
    throw conflict('EvidenceIdTaken', 'this evidence id is taken');
  const { incidentId, evidenceId, sha256, mediaType, custodian, description } = c;
  return [
    {
      type: 'EvidenceRegistered',
      data: {
        incidentId,
        agreementId: found.agreementId,
        evidenceId,
        sha256,
        mediaType,
        custodian,
        description,
        registeredBy: c.actor.principalId,
      },
    },
  ];
};

export const triageIncident = (c: Cmd<'TriageIncident'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['monitor', 'mediator'], 'triage an incident');
  const found = openCase(state);
  if (found.status !== 'REPORTED') throw conflict('AlreadyTriaged', `the case is ${found.status}, triage happens once`);
  if ((c.decision === 'DUPLICATE') !== (c.duplicateOf !== null))
    throw invalid('DuplicateNamesOriginal', 'a DUPLICATE decision, and only that, names duplicateOf');
  if (c.duplicateOf === c.incidentId) throw invalid('DuplicateNamesOriginal', 'an incident cannot duplicate itself');
  if (c.duplicateOf && c.original?.agreementId !== found.agreementId)
    throw invalid(
      'DuplicateOfKnownCase',
      c.original
        ? `duplicateOf ${c.duplicateOf} is a case under another agreement`
        : `duplicateOf ${c.duplicateOf} names no reported incident`,
    );
  const { incidentId, decision, duplicateOf, reason } = c;
  return [
    {
      type: 'IncidentTriaged',
      data: {
        incidentId,
        agreementId: found.agreementId,
        decision,
        duplicateOf,
        reason,
        triagedBy: c.actor.principalId,
      },
    },
  ];
};

export const respondToAllegation = (c: Cmd<'RespondToAllegation'>, state: IncidentState): IncidentEvent[] => {
  const party = actingParty(c.actor);
  const found = openCase(state);
  if (found.allegedPerpetrator !== party)
    throw forbidden(
      'RespondOnlyForYourself',
      `only the accused party (${found.allegedPerpetrator}) responds to this allegation`,
    );
  if (found.responses.some((r) => r.party === party))
    throw conflict('AlreadyResponded', 'this party has already responded');
  return [
    {
      type: 'AllegationResponded',
      data: {
        incidentId: c.incidentId,
        agreementId: found.agreementId,
        party,
        response: c.response,
        statement: c.statement,
      },
    },
  ];
};

/** Scheduler command: emits nothing unless the deadline really passed unanswered, so repeats are harmless. */
export const markResponseDeadlineMissed = (
  c: Cmd<'MarkResponseDeadlineMissed'>,
  state: IncidentState,
): IncidentEvent[] => {
  const found = existingCase(state);
  if (!found.responseDueAt) return [];
  const started = addHours(found.responseDueAt, -c.agreement.terms.responseWindowHours);
  const due = dueUnderSuspensions(started, found.responseDueAt, c.agreement.suspensions ?? []);
  if (!due || found.responseDeadlineMissed || found.status === 'CLOSED' || !isAtOrAfter(c.now, due)) return [];
  if (found.responses.some((r) => r.party === found.allegedPerpetrator)) return [];
  return [
    {
      type: 'ResponseDeadlineMissed',
      data: { incidentId: c.incidentId, agreementId: found.agreementId, party: found.allegedPerpetrator, dueAt: due },
    },
  ];
};
