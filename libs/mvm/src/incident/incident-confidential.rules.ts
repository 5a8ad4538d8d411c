import { conflict, invalid } from '@ceasefire/decider';
import { mediatorInstitutionOf } from '../shared/institutions';
import { requireRole } from '../shared/actor';
import { isSealed } from '../shared/sealed';
import type { IncidentCommand } from './incident.commands';
import type { IncidentEvent } from './incident.events';
import { CLASSIFICATION_LEVELS } from './classification';
import { findingOf, openCase } from './incident.guards';
import type { IncidentState } from './incident.state';

type Cmd<T extends IncidentCommand['type']> = Extract<IncidentCommand, { type: T }>;

/** The mechanism sets who may read a case; publishing (PUBLIC) is a mediator's act. */
export const classifyCase = (c: Cmd<'ClassifyCase'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['monitor', 'mediator'], 'classify a case');
  const found = openCase(state);
  if (!CLASSIFICATION_LEVELS.includes(c.level))
    throw invalid('KnownLevel', `level must be one of ${CLASSIFICATION_LEVELS.join(', ')}`);
  if (c.level === 'PUBLIC' && c.actor.role !== 'mediator')
    throw conflict('PublishedByMediators', 'only a mediator makes a case public');
  if (c.level === found.level) throw conflict('AlreadyAtLevel', `the case is already ${c.level}`);
  return [
    {
      type: 'CaseClassified',
      data: {
        incidentId: c.incidentId,
        agreementId: found.agreementId,
        level: c.level,
        reason: c.reason,
        classifiedBy: c.actor.principalId,
      },
    },
  ];
};

export const recordInterview = (c: Cmd<'RecordInterview'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['monitor'], 'record an interview');
  const found = openCase(state);
  if (found.status !== 'UNDER_INVESTIGATION' && found.status !== 'ADMISSIBLE')
    throw conflict(
      'InterviewDuringInvestigation',
      `the case is ${found.status}; interviews belong to an investigation`,
    );
  if (!isSealed(c.witness)) throw invalid('WitnessSealed', "a witness's identity is recorded sealed, never in clear");
  if (found.interviews.some((i) => i.interviewId === c.interviewId))
    throw conflict('InterviewIdTaken', 'this interview id is taken');
  const { incidentId, interviewId, witness, source, summary } = c;
  return [
    {
      type: 'InterviewRecorded',
      data: {
        incidentId,
        agreementId: found.agreementId,
        interviewId,
        witness,
        source,
        summary,
        recordedBy: c.actor.principalId,
      },
    },
  ];
};

/** A pending finding is shown to the parties before adoption (a monitor or mediator decides). */
export const shareFinding = (c: Cmd<'ShareFinding'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['monitor', 'mediator'], 'share a finding with the parties');
  const found = openCase(state);
  const finding = findingOf(found, c.findingId);
  if (finding.status !== 'DRAFT' && finding.status !== 'ENDORSED')
    throw conflict('ShareBeforeAdoption', `the finding is ${finding.status}; parties see adopted findings anyway`);
  if (finding.shared) throw conflict('AlreadyShared', 'the finding is already shared with the parties');
  const ids = { incidentId: c.incidentId, agreementId: found.agreementId, findingId: c.findingId };
  return [{ type: 'FindingShared', data: { ...ids, sharedBy: c.actor.principalId } }];
};

/** An adopted finding enters the public record by a mediator's act, whatever the case's level. */
export const publishFinding = (c: Cmd<'PublishFinding'>, state: IncidentState): IncidentEvent[] => {
  requireRole(c.actor, ['mediator'], 'publish a finding');
  mediatorInstitutionOf(c.actor, c.agreement);
  const found = openCase(state);
  const finding = findingOf(found, c.findingId);
  if (finding.status !== 'ADOPTED') throw conflict('PublishAdoptedOnly', `the finding is ${finding.status}`);
  if (finding.published) throw conflict('AlreadyPublished', 'the finding is already published');
  const ids = { incidentId: c.incidentId, agreementId: found.agreementId, findingId: c.findingId };
  return [{ type: 'FindingPublished', data: { ...ids, publishedBy: c.actor.principalId, at: c.now } }];
};
