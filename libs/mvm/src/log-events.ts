import { AGREEMENT_EVENT_TYPES, type AgreementEvent } from './agreement/agreement.events';
import { COMMITMENT_EVENT_TYPES, type CommitmentEvent } from './commitment/commitment.events';
import { INCIDENT_EVENT_TYPES, type IncidentEvent } from './incident/incident.events';
import { PARTY_KEY_EVENT_TYPES, type PartyKeyEvent } from './party-key/party-key.decider';
import { PRINCIPAL_EVENT_TYPES, type PrincipalEvent } from './principal/principal.decider';
import { SUBJECT_KEY_EVENT_TYPES, type SubjectKeyEvent } from './subject-key/subject-key.decider';
import { WITNESS_EVENT_TYPES, type WitnessEvent } from './witness/witness.decider';

/** Every event the log holds, whatever its aggregate. */
export type LogEvent =
  AgreementEvent | IncidentEvent | CommitmentEvent | PrincipalEvent | PartyKeyEvent | WitnessEvent | SubjectKeyEvent;

export const LOG_EVENT_TYPES: LogEvent['type'][] = [
  ...AGREEMENT_EVENT_TYPES,
  ...INCIDENT_EVENT_TYPES,
  ...COMMITMENT_EVENT_TYPES,
  ...PRINCIPAL_EVENT_TYPES,
  ...PARTY_KEY_EVENT_TYPES,
  ...WITNESS_EVENT_TYPES,
  ...SUBJECT_KEY_EVENT_TYPES,
];
