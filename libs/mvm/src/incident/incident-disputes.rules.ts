import { conflict, forbidden, invalid, notFound } from '@ceasefire/decider';
import { requireRole } from '../shared/actor';
import { addDays, isAfter } from '../shared/time';
import type { IncidentCommand } from './incident.commands';
import type { IncidentEvent } from './incident.events';
import { actingParty, checkConclusion, findingOf, openCase, requireParty } from './incident.guards';
import type { IncidentState } from './incident.state';
import { isViolation } from './incident.vocabulary';

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

/** A ruling never rewrites the finding's history: it adds the ruling and what it changes in the breach record. */
export const ruleOnDispute = (c: Cmd<'RuleOnDispute'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['mediator'], 'rule on a dispute');
  const found = openCase(state);
  const dispute = found.disputes.find((d) => d.disputeId === c.disputeId);
  if (!dispute) throw notFound('DisputeNotFound', `no dispute ${c.disputeId} in this case`);
  if (dispute.status !== 'OPEN') throw conflict('DisputeAlreadyRuled', 'this dispute has been ruled on');
  if ((c.ruling === 'AMENDED') !== (c.amendment !== null))
    throw invalid('AmendmentOnlyWhenAmended', 'an AMENDED ruling, and only that, carries an amendment');
  if (c.amendment) checkConclusion(c.agreement, c.amendment);
  const finding = findingOf(found, dispute.findingId);
  const ids = { incidentId: c.incidentId, agreementId: found.agreementId, findingId: dispute.findingId };
  const events: IncidentEvent[] = [
    {
      type: 'DisputeRuled',
      data: {
        ...ids,
        disputeId: c.disputeId,
        ruling: c.ruling,
        rationale: c.rationale,
        amendment: c.amendment,
        ruledBy: c.actor.principalId,
        ...(c.ruling === 'REMANDED'
          ? { investigationDueAt: addDays(c.now, c.agreement.terms.verificationDeadlineDays) }
          : {}),
      },
    },
  ];
  const wasBreach = isViolation(finding.outcome);
  if (c.ruling === 'AMENDED' && c.amendment) {
    const { outcome, attributedParties, severity } = c.amendment;
    if (isViolation(outcome) && severity)
      events.push({ type: 'BreachAmended', data: { ...ids, parties: attributedParties, severity, outcome } });
    else if (wasBreach) events.push({ type: 'BreachVacated', data: { ...ids, reason: 'AMENDED' } });
  } else if ((c.ruling === 'VACATED' || c.ruling === 'REMANDED') && wasBreach) {
    events.push({ type: 'BreachVacated', data: { ...ids, reason: c.ruling } });
  }
  return events;
};

export const recordMeasure = (c: Cmd<'RecordMeasure'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['mediator'], 'record a consequence');
  const found = openCase(state);
  requireParty(c.agreement, c.party, 'party');
  const breach = found.findings.some(
    (f) => f.status === 'ADOPTED' && isViolation(f.outcome) && f.attributedParties.includes(c.party),
  );
  if (!breach)
    throw conflict('MeasureNeedsConfirmedBreach', `no adopted violation finding in this case attributes to ${c.party}`);
  if (found.measures.some((m) => m.measureId === c.measureId))
    throw conflict('MeasureIdTaken', 'this measure id is taken');
  if (c.dueAt && !isAfter(c.dueAt, c.now))
    throw invalid('MeasureDueInFuture', 'a measure falls due after it is recorded');
  const { incidentId, measureId, party, level, description, dueAt } = c;
  return [
    {
      type: 'MeasureRecorded',
      data: {
        incidentId,
        agreementId: found.agreementId,
        measureId,
        party,
        level,
        description,
        dueAt,
        decidedBy: c.actor.principalId,
      },
    },
  ];
};

export const recordMeasureFulfilment = (c: Cmd<'RecordMeasureFulfilment'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['mediator', 'monitor'], 'record that a measure was fulfilled');
  const found = openCase(state);
  const measure = found.measures.find((m) => m.measureId === c.measureId);
  if (!measure) throw notFound('MeasureNotFound', `no measure ${c.measureId} in this case`);
  if (measure.fulfilledAt) throw conflict('MeasureAlreadyFulfilled', 'this measure is already fulfilled');
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
