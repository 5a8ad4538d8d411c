import { conflict, forbidden, invalid, notFound } from '@ceasefire/decider';
import { requireRole } from '../shared/actor';
import { addDays, isAfter } from '../shared/time';
import type { IncidentCommand } from './incident.commands';
import type { IncidentEvent } from './incident.events';
import { castVote, mediatorInstitutionOf, quorumOf, requireNotReporter } from '../shared/institutions';
import { actingParty, checkConclusion, existingCase, findingOf, openCase, requireParty } from './incident.guards';
import type { Conclusion } from './incident.events';
import {
  type FindingState,
  type IncidentCase,
  type IncidentState,
  measureProposal,
  rulingProposal,
} from './incident.state';
import { isViolation, type Ruling } from './incident.vocabulary';

type Cmd<T extends IncidentCommand['type']> = Extract<IncidentCommand, { type: T }>;

export const fileDispute = (c: Cmd<'FileDispute'>, state: IncidentState): IncidentEvent[] => {
  const party = actingParty(c.actor);
  const found = openCase(state);
  const finding = findingOf(found, c.findingId);
  if (finding.status !== 'ADOPTED')
    throw conflict('DisputeAdoptedOnly', `the finding is ${finding.status}; only an adopted finding is disputed`);
  const affected = finding.attributedParties.includes(party) || found.reporter.party === party;
  if (!affected)
    throw forbidden(
      'DisputeOnlyIfAffected',
      'a party disputes only findings that attribute to it or answer its own report',
    );
  if (finding.disputeWindowEndsAt && isAfter(c.now, finding.disputeWindowEndsAt))
    throw conflict('DisputeWindowClosed', `the dispute window closed at ${finding.disputeWindowEndsAt}`);
  if (found.disputes.some((d) => d.findingId === c.findingId && d.status === 'OPEN'))
    throw conflict('DisputeAlreadyOpen', 'a dispute of this finding is already open');
  if (found.disputes.some((d) => d.disputeId === c.disputeId))
    throw conflict('DisputeIdTaken', 'this dispute id is taken');
  const { incidentId, disputeId, findingId, grounds, statement } = c;
  return [
    {
      type: 'DisputeFiled',
      data: { incidentId, agreementId: found.agreementId, disputeId, findingId, party, grounds, statement },
    },
  ];
};

/**
 * A ruling never rewrites the finding's history: it adds the ruling and what it changes in the breach
 * record. Under a ruling quorum each institution votes for a ruling; the vote that brings one proposal
 * to the quorum rules.
 */
export const ruleOnDispute = (c: Cmd<'RuleOnDispute'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['mediator'], 'rule on a dispute');
  const found = openCase(state);
  const institution = mediatorInstitutionOf(c.actor, c.agreement);
  requireNotReporter(c.actor, found.reporter.principalId, 'rule on its disputes');
  const dispute = found.disputes.find((d) => d.disputeId === c.disputeId);
  if (!dispute) throw notFound('DisputeNotFound', `no dispute ${c.disputeId} in this case`);
  if (dispute.status !== 'OPEN') throw conflict('DisputeAlreadyRuled', 'this dispute has been ruled on');
  if ((c.ruling === 'AMENDED') !== (c.amendment !== null))
    throw invalid('AmendmentOnlyWhenAmended', 'an AMENDED ruling, and only that, carries an amendment');
  if (c.amendment) checkConclusion(c.agreement, c.amendment);
  const allVotes = Object.values(dispute.rulingVotes).flat();
  const proposal = rulingProposal(c.ruling, c.amendment);
  if (allVotes.some((v) => v.institution === institution && !dispute.rulingVotes[proposal]?.includes(v)))
    throw conflict('InstitutionAlreadyVoted', `${institution} has already voted for another ruling on this dispute`);
  const votes = castVote(dispute.rulingVotes[proposal] ?? [], c.actor, institution);
  const quorum = quorumOf(c.agreement.terms.rulingQuorum);
  const ids = { incidentId: c.incidentId, agreementId: found.agreementId, findingId: dispute.findingId };
  const { disputeId, ruling, amendment, rationale } = c;
  const voted: IncidentEvent[] =
    quorum > 1
      ? [
          {
            type: 'DisputeRulingVoted',
            data: {
              ...ids,
              disputeId,
              ruling,
              amendment,
              rationale,
              mediator: c.actor.principalId,
              institution,
              votes: votes.length,
              quorum,
            },
          },
        ]
      : [];
  if (votes.length < quorum) return voted;
  return [
    ...voted,
    {
      type: 'DisputeRuled',
      data: {
        ...ids,
        disputeId,
        ruling,
        rationale,
        amendment,
        ruledBy: c.actor.principalId,
        ...(ruling === 'REMANDED'
          ? { investigationDueAt: addDays(c.now, c.agreement.terms.verificationDeadlineDays) }
          : {}),
      },
    },
    ...breachTransition(found, findingOf(found, dispute.findingId), ruling, amendment, ids),
  ];
};

/**
 * What a ruling does to the breach record, as the feed and compliance both read it: a finding that
 * becomes a violation is confirmed, one that stays a violation is amended, one that stops being one is
 * vacated — and the measures that answered it for a party no longer attributed lapse.
 */
const breachTransition = (
  found: IncidentCase,
  finding: FindingState,
  ruling: Ruling,
  amendment: Conclusion | null,
  ids: { incidentId: string; agreementId: string; findingId: string },
): IncidentEvent[] => {
  const wasBreach = isViolation(finding.outcome);
  const after: Conclusion | null = ruling === 'AMENDED' ? amendment : ruling === 'UPHELD' ? finding : null; // VACATED and REMANDED leave no finding
  const isBreach = after !== null && isViolation(after.outcome) && after.severity !== null;
  const events: IncidentEvent[] = [];
  if (isBreach && after.severity && ruling === 'AMENDED') {
    const { outcome, attributedParties: parties, severity } = after;
    events.push(
      wasBreach
        ? { type: 'BreachAmended', data: { ...ids, parties, severity, outcome } }
        : { type: 'BreachConfirmed', data: { ...ids, parties, severity, category: found.category, outcome } },
    );
  } else if (!isBreach && wasBreach) {
    events.push({ type: 'BreachVacated', data: { ...ids, reason: ruling } });
  }
  if (ruling === 'UPHELD') return events;
  const stillAttributed = isBreach ? after.attributedParties : [];
  for (const m of found.measures) {
    if (m.status !== 'OUTSTANDING' || stillAttributed.includes(m.party)) continue;
    const answersThisFinding =
      m.findingId === finding.findingId ||
      (m.findingId === null && !standingBreachOf(found, m.party, finding.findingId));
    if (answersThisFinding)
      events.push({
        type: 'MeasureLapsed',
        data: { ...ids, measureId: m.measureId, party: m.party, reason: ruling },
      });
  }
  return events;
};

/** Another adopted violation finding in the case that still attributes to the party. */
const standingBreachOf = (found: IncidentCase, party: string, except: string): boolean =>
  found.findings.some(
    (f) =>
      f.findingId !== except && f.status === 'ADOPTED' && isViolation(f.outcome) && f.attributedParties.includes(party),
  );

/**
 * A consequence answers one adopted breach of the party named. Under a measure quorum each institution
 * votes for the same consequence (same id, party, level, text and due date) until the quorum records it.
 */
export const recordMeasure = (c: Cmd<'RecordMeasure'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['mediator'], 'record a consequence');
  const found = openCase(state);
  const institution = mediatorInstitutionOf(c.actor, c.agreement);
  requireNotReporter(c.actor, found.reporter.principalId, 'decide its consequences');
  requireParty(c.agreement, c.party, 'party');
  const breaches = found.findings.filter(
    (f) => f.status === 'ADOPTED' && isViolation(f.outcome) && f.attributedParties.includes(c.party),
  );
  const finding = c.findingId ? breaches.find((f) => f.findingId === c.findingId) : breaches.at(-1);
  if (!finding)
    throw conflict(
      'MeasureNeedsConfirmedBreach',
      c.findingId
        ? `finding ${c.findingId} is not an adopted violation attributed to ${c.party}`
        : `no adopted violation finding in this case attributes to ${c.party}`,
    );
  if (found.measures.some((m) => m.measureId === c.measureId))
    throw conflict('MeasureIdTaken', 'this measure id is taken');
  if (c.dueAt && !isAfter(c.dueAt, c.now))
    throw invalid('MeasureDueInFuture', 'a measure falls due after it is recorded');
  const { incidentId, measureId, party, level, description, dueAt } = c;
  const consequence = { measureId, findingId: finding.findingId, party, level, description, dueAt };
  const pending = found.measureVotes[measureId];
  if (pending && pending.proposal !== measureProposal(consequence))
    throw conflict('MeasureDiffersFromVotes', `votes so far on measure ${measureId} back a different consequence`);
  const votes = castVote(pending?.votes ?? [], c.actor, institution);
  const quorum = quorumOf(c.agreement.terms.measureQuorum);
  const ids = { incidentId, agreementId: found.agreementId };
  const voted: IncidentEvent[] =
    quorum > 1
      ? [
          {
            type: 'MeasureVoted',
            data: { ...ids, ...consequence, mediator: c.actor.principalId, institution, votes: votes.length, quorum },
          },
        ]
      : [];
  if (votes.length < quorum) return voted;
  return [...voted, { type: 'MeasureRecorded', data: { ...ids, ...consequence, decidedBy: c.actor.principalId } }];
};

/** Measures outlive the case: they are fulfilled, lifted or lapse whether or not the case is closed. */
const outstandingMeasure = (state: IncidentState, measureId: string) => {
  const found = existingCase(state);
  const measure = found.measures.find((m) => m.measureId === measureId);
  if (!measure) throw notFound('MeasureNotFound', `no measure ${measureId} in this case`);
  if (measure.status !== 'OUTSTANDING')
    throw conflict('MeasureNotOutstanding', `this measure is ${measure.status.toLowerCase()}`);
  return { found, measure };
};

export const recordMeasureFulfilment = (c: Cmd<'RecordMeasureFulfilment'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['mediator', 'monitor'], 'record that a measure was fulfilled');
  const { found } = outstandingMeasure(state, c.measureId);
  return [
    {
      type: 'MeasureFulfilled',
      data: {
        incidentId: c.incidentId,
        agreementId: found.agreementId,
        measureId: c.measureId,
        at: c.now,
        note: c.note,
        recordedBy: c.actor.principalId,
      },
    },
  ];
};

export const liftMeasure = (c: Cmd<'LiftMeasure'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['mediator'], 'lift a consequence');
  mediatorInstitutionOf(c.actor, c.agreement);
  const { found, measure } = outstandingMeasure(state, c.measureId);
  return [
    {
      type: 'MeasureLifted',
      data: {
        incidentId: c.incidentId,
        agreementId: found.agreementId,
        measureId: c.measureId,
        party: measure.party,
        at: c.now,
        reason: c.reason,
        liftedBy: c.actor.principalId,
      },
    },
  ];
};

export const closeCase = (c: Cmd<'CloseCase'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['mediator'], 'close a case');
  const found = openCase(state);
  if (found.disputes.some((d) => d.status === 'OPEN'))
    throw conflict('OpenDisputes', 'a case with an open dispute cannot be closed');
  return [
    {
      type: 'CaseClosed',
      data: {
        incidentId: c.incidentId,
        agreementId: found.agreementId,
        reason: c.reason,
        closedBy: c.actor.principalId,
      },
    },
  ];
};
