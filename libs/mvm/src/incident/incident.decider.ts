import type { Decider } from '@ceasefire/decider';
import {
  adoptFinding,
  draftFinding,
  endorseFinding,
  markVerificationDeadlineMissed,
  openInvestigation,
  recordAccessDenial,
  recordDissent,
  withdrawFinding,
} from './incident-findings.rules';
import {
  closeCase,
  fileDispute,
  liftMeasure,
  recordMeasure,
  recordMeasureFulfilment,
  ruleOnDispute,
} from './incident-disputes.rules';
import {
  markResponseDeadlineMissed,
  registerEvidence,
  reportIncident,
  respondToAllegation,
  triageIncident,
} from './incident-intake.rules';
import { requireActorOfAgreement } from '../shared/institutions';
import { classifyCase, publishFinding, recordInterview, shareFinding } from './incident-confidential.rules';
import type { IncidentCommand } from './incident.commands';
import type { IncidentEvent } from './incident.events';
import { evolveIncident, initialIncidentState, type IncidentState } from './incident.state';

export const decideIncident = (command: IncidentCommand, state: IncidentState): IncidentEvent[] => {
  requireActorOfAgreement(command.actor, command.agreement);
  switch (command.type) {
    case 'ReportIncident':
      return reportIncident(command, state);
    case 'RegisterEvidence':
      return registerEvidence(command, state);
    case 'TriageIncident':
      return triageIncident(command, state);
    case 'RespondToAllegation':
      return respondToAllegation(command, state);
    case 'ClassifyCase':
      return classifyCase(command, state);
    case 'RecordInterview':
      return recordInterview(command, state);
    case 'MarkResponseDeadlineMissed':
      return markResponseDeadlineMissed(command, state);
    case 'OpenInvestigation':
      return openInvestigation(command, state);
    case 'RecordAccessDenial':
      return recordAccessDenial(command, state);
    case 'MarkVerificationDeadlineMissed':
      return markVerificationDeadlineMissed(command, state);
    case 'DraftFinding':
      return draftFinding(command, state);
    case 'EndorseFinding':
      return endorseFinding(command, state);
    case 'AdoptFinding':
      return adoptFinding(command, state);
    case 'RecordDissent':
      return recordDissent(command, state);
    case 'FileDispute':
      return fileDispute(command, state);
    case 'RuleOnDispute':
      return ruleOnDispute(command, state);
    case 'RecordMeasure':
      return recordMeasure(command, state);
    case 'RecordMeasureFulfilment':
      return recordMeasureFulfilment(command, state);
    case 'LiftMeasure':
      return liftMeasure(command, state);
    case 'WithdrawFinding':
      return withdrawFinding(command, state);
    case 'ShareFinding':
      return shareFinding(command, state);
    case 'PublishFinding':
      return publishFinding(command, state);
    case 'CloseCase':
      return closeCase(command, state);
    default: {
      const unexpected: never = command;
      return unexpected;
    }
  }
};

export const incidentDecider: Decider<IncidentCommand, IncidentEvent, IncidentState> = {
  decide: decideIncident,
  evolve: evolveIncident,
  initialState: initialIncidentState,
};
