import { AGREEMENT_EVENT_TYPES, type AgreementEvent } from './agreement/agreement.events';
import { COMMITMENT_EVENT_TYPES, type CommitmentEvent } from './commitment/commitment.events';
import { INCIDENT_EVENT_TYPES, type IncidentEvent } from './incident/incident.events';
import { PARTY_KEY_EVENT_TYPES, type PartyKeyEvent } from './party-key/party-key.decider';
import { PRINCIPAL_EVENT_TYPES, type PrincipalEvent } from './principal/principal.decider';
import { WITNESS_EVENT_TYPES, type WitnessEvent } from './witness/witness.decider';

/** Every event the log holds, whatever its aggregate. */
export type LogEvent = AgreementEvent | IncidentEvent | CommitmentEvent | PrincipalEvent | PartyKeyEvent | WitnessEvent;

export const LOG_EVENT_TYPES: LogEvent['type'][] = [
  ...AGREEMENT_EVENT_TYPES,
  ...INCIDENT_EVENT_TYPES,
  ...COMMITMENT_EVENT_TYPES,
  ...PRINCIPAL_EVENT_TYPES,
  ...PARTY_KEY_EVENT_TYPES,
  ...WITNESS_EVENT_TYPES,
];
