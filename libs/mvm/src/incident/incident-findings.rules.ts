import { conflict, forbidden } from '@ceasefire/decider';
import { requireRole } from '../shared/actor';
import { addDays, isAtOrAfter } from '../shared/time';
import type { IncidentCommand } from './incident.commands';
import type { IncidentEvent } from './incident.events';
import { checkConclusion, existingCase, findingOf, openCase, requireParty } from './incident.guards';
import type { IncidentState } from './incident.state';
import { isViolation } from './incident.vocabulary';

type Cmd<T extends IncidentCommand['type']> = Extract<IncidentCommand, { type: T }>;

export const openInvestigation = (c: Cmd<'OpenInvestigation'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['monitor'], 'open an investigation');
  const found = openCase(state);
  if (found.status !== 'ADMISSIBLE')
    throw conflict('InvestigateAdmissibleOnly', `the case is ${found.status}; only an admissible case is investigated`);
  const dueAt = addDays(c.now, c.agreement.terms.verificationDeadlineDays);
  return [
    {
      type: 'InvestigationOpened',
      data: { incidentId: c.incidentId, agreementId: found.agreementId, openedBy: c.actor.principalId, dueAt },
    },
  ];
};

export const recordAccessDenial = (c: Cmd<'RecordAccessDenial'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['monitor'], 'record an access denial');
  const found = openCase(state);
  if (found.status !== 'UNDER_INVESTIGATION')
    throw conflict('NoOpenInvestigation', 'access is denied to an open investigation');
  requireParty(c.agreement, c.deniedBy, 'deniedBy');
  if (found.accessDenials.some((d) => d.denialId === c.denialId))
    throw conflict('AccessDenialIdTaken', 'this denial id is taken');
  const { incidentId, denialId, deniedBy, at, place, description } = c;
  return [
    {
      type: 'AccessDenied',
      data: {
        incidentId,
        agreementId: found.agreementId,
        denialId,
        deniedBy,
        at,
        place,
        description,
        recordedBy: c.actor.principalId,
      },
    },
  ];
};

export const markVerificationDeadlineMissed = (
  c: Cmd<'MarkVerificationDeadlineMissed'>,
  state: IncidentState,
): IncidentEvent[] => {
  const found = existingCase(state);
  const investigation = found.investigation;
  if (!investigation || investigation.deadlineMissed || found.status !== 'UNDER_INVESTIGATION') return [];
  if (!isAtOrAfter(c.now, investigation.dueAt)) return [];
  return [
    {
      type: 'VerificationDeadlineMissed',
      data: { incidentId: c.incidentId, agreementId: found.agreementId, dueAt: investigation.dueAt },
    },
  ];
};

export const draftFinding = (c: Cmd<'DraftFinding'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['monitor'], 'draft a finding');
  const found = openCase(state);
  if (found.status !== 'UNDER_INVESTIGATION')
    throw conflict('NoOpenInvestigation', 'findings are drafted from an open investigation');
  if (found.findings.some((f) => f.findingId === c.findingId))
    throw conflict('FindingIdTaken', 'this finding id is taken');
  if (found.findings.some((f) => f.status === 'DRAFT' || f.status === 'ENDORSED'))
    throw conflict('OnePendingFinding', 'a finding is already pending adoption in this case');
  const { incidentId, findingId, outcome, attributedParties, severity, confidence, rationale } = c;
  checkConclusion(c.agreement, c);
  return [
    {
      type: 'FindingDrafted',
      data: {
        incidentId,
        agreementId: found.agreementId,
        findingId,
        outcome,
        attributedParties,
        severity,
        confidence,
        rationale,
        draftedBy: c.actor.principalId,
      },
    },
  ];
};

export const endorseFinding = (c: Cmd<'EndorseFinding'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['monitor'], 'endorse a finding');
  const found = openCase(state);
  const finding = findingOf(found, c.findingId);
  if (finding.status !== 'DRAFT') throw conflict('EndorseDraftOnly', `the finding is ${finding.status}`);
  if (finding.draftedBy === c.actor.principalId)
    throw forbidden('EndorserIsNotDrafter', 'a finding is endorsed by a monitor other than its drafter');
  return [
    {
      type: 'FindingEndorsed',
      data: {
        incidentId: c.incidentId,
        agreementId: found.agreementId,
        findingId: c.findingId,
        endorsedBy: c.actor.principalId,
      },
    },
  ];
};

/** Each mediator votes once; the vote that reaches the quorum adopts the finding and, for a violation, confirms the breach. */
export const adoptFinding = (c: Cmd<'AdoptFinding'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['mediator'], 'adopt a finding');
  const found = openCase(state);
  const finding = findingOf(found, c.findingId);
  if (finding.status !== 'ENDORSED')
    throw conflict('AdoptEndorsedOnly', `the finding is ${finding.status}; it must be endorsed first`);
  if (finding.adoptionVotes.includes(c.actor.principalId))
    throw conflict('AlreadyVoted', 'this mediator has already adopted the finding');
  const ids = { incidentId: c.incidentId, agreementId: found.agreementId, findingId: c.findingId };
  const votes = finding.adoptionVotes.length + 1;
  const quorum = c.agreement.terms.adoptionQuorum;
  const events: IncidentEvent[] = [
    { type: 'FindingAdoptionVoted', data: { ...ids, mediator: c.actor.principalId, votes, quorum } },
  ];
  if (votes < quorum) return events;
  const { outcome, attributedParties, severity, confidence } = finding;
  events.push({
    type: 'FindingAdopted',
    data: {
      ...ids,
      outcome,
      attributedParties,
      severity,
      confidence,
      adoptedBy: [...finding.adoptionVotes, c.actor.principalId],
      adoptedAt: c.now,
      disputeWindowEndsAt: addDays(c.now, c.agreement.terms.disputeWindowDays),
    },
  });
  if (isViolation(outcome) && severity)
    events.push({
      type: 'BreachConfirmed',
      data: { ...ids, parties: attributedParties, severity, category: found.category, outcome },
    });
  return events;
};

export const recordDissent = (c: Cmd<'RecordDissent'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['monitor', 'mediator', 'party'], 'record a dissent');
  const found = openCase(state);
  findingOf(found, c.findingId);
  return [
    {
      type: 'DissentRecorded',
      data: {
        incidentId: c.incidentId,
        agreementId: found.agreementId,
        findingId: c.findingId,
        by: c.actor.principalId,
        component: c.component,
        text: c.text,
      },
    },
  ];
};
