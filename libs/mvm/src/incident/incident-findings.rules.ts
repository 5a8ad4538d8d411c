import { conflict, forbidden } from '@ceasefire/decider';
import { requireRole } from '../shared/actor';
import { addDays, dueUnderSuspensions, isAtOrAfter } from '../shared/time';
import type { IncidentCommand } from './incident.commands';
import type { IncidentEvent } from './incident.events';
import { castVote, mediatorInstitutionOf, requireNotReporter } from '../shared/institutions';
import { actingParty, checkConclusion, existingCase, findingOf, openCase, requireParty } from './incident.guards';
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
  const started = addDays(investigation.dueAt, -c.agreement.terms.verificationDeadlineDays);
  const dueAt = dueUnderSuspensions(started, investigation.dueAt, c.agreement.suspensions ?? []);
  if (!dueAt || !isAtOrAfter(c.now, dueAt)) return [];
  return [
    { type: 'VerificationDeadlineMissed', data: { incidentId: c.incidentId, agreementId: found.agreementId, dueAt } },
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

/**
 * Each mediator institution votes once, whichever of its accounts casts the vote; the vote that brings
 * the count of distinct institutions to the quorum adopts the finding and, for a violation, confirms the breach.
 */
export const adoptFinding = (c: Cmd<'AdoptFinding'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['mediator'], 'adopt a finding');
  const found = openCase(state);
  const institution = mediatorInstitutionOf(c.actor, c.agreement);
  requireNotReporter(c.actor, found.reporter.principalId, 'adopt its findings');
  const finding = findingOf(found, c.findingId);
  if (finding.status !== 'ENDORSED')
    throw conflict('AdoptEndorsedOnly', `the finding is ${finding.status}; it must be endorsed first`);
  const votes = castVote(finding.adoptionVotes, c.actor, institution);
  const ids = { incidentId: c.incidentId, agreementId: found.agreementId, findingId: c.findingId };
  const quorum = c.agreement.terms.adoptionQuorum;
  const events: IncidentEvent[] = [
    {
      type: 'FindingAdoptionVoted',
      data: { ...ids, mediator: c.actor.principalId, institution, votes: votes.length, quorum },
    },
  ];
  if (votes.length < quorum) return events;
  const { outcome, attributedParties, severity, confidence } = finding;
  events.push({
    type: 'FindingAdopted',
    data: {
      ...ids,
      outcome,
      attributedParties,
      severity,
      confidence,
      adoptedBy: votes.map((v) => v.principalId),
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

/**
 * A draft or endorsed finding nobody adopts does not hold its case for ever: a monitor withdraws it, or a
 * mediator returns it, and a new finding can be drafted.
 */
export const withdrawFinding = (c: Cmd<'WithdrawFinding'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['monitor', 'mediator'], 'withdraw or return a finding');
  if (c.actor.role === 'mediator') mediatorInstitutionOf(c.actor, c.agreement);
  const found = openCase(state);
  const finding = findingOf(found, c.findingId);
  if (finding.status !== 'DRAFT' && finding.status !== 'ENDORSED')
    throw conflict('WithdrawPendingOnly', `the finding is ${finding.status}; only a pending finding is withdrawn`);
  return [
    {
      type: 'FindingWithdrawn',
      data: {
        incidentId: c.incidentId,
        agreementId: found.agreementId,
        findingId: c.findingId,
        reason: c.reason,
        withdrawnBy: c.actor.principalId,
      },
    },
  ];
};

/**
 * A dissent is signed as what the principal is — its mediator institution, monitoring component or party —
 * never as a name it types. Parties see findings once adopted, so they dissent only then.
 */
export const recordDissent = (c: Cmd<'RecordDissent'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['monitor', 'mediator', 'party'], 'record a dissent');
  const found = openCase(state);
  const finding = findingOf(found, c.findingId);
  const component =
    c.actor.role === 'mediator'
      ? `mediator:${mediatorInstitutionOf(c.actor, c.agreement)}`
      : c.actor.role === 'party'
        ? `party:${actingParty(c.actor)}`
        : `monitor:${c.actor.component ?? 'unassigned'}`;
  if (c.actor.role === 'party' && finding.status !== 'ADOPTED' && finding.status !== 'VACATED' && !finding.shared)
    throw forbidden('PartyDissentsOnAdopted', 'a party dissents on an adopted finding, not on a draft');
  return [
    {
      type: 'DissentRecorded',
      data: {
        incidentId: c.incidentId,
        agreementId: found.agreementId,
        findingId: c.findingId,
        by: c.actor.principalId,
        component,
        text: c.text,
      },
    },
  ];
};
