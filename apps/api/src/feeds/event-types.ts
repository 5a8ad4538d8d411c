import type { AgreementEvent } from '@ceasefire/mvm';
import { principalsProjection } from '../auth/principals.projection';
import { commitmentProjection } from '../commitments/commitment.projection';
import { INCIDENT_EVENT_TYPES } from '../incidents/incident-case.projection';
import { witnessesProjection } from '../ledger/witnesses.projection';
import { partyKeysProjection } from '../submissions/party-keys.projection';

const AGREEMENT_EVENT_TYPES: AgreementEvent['type'][] = [
  'AgreementRegistered',
  'AgreementReaffirmed',
  'AgreementSuspended',
  'AgreementResumed',
  'MeetingScheduled',
  'MeetingHeld',
];

const handled = (projection: { handles: string[] | 'all' }): string[] =>
  projection.handles === 'all' ? [] : projection.handles;

/**
 * Every event type the log holds, for validating `types` filters: the agreement's, and those the read
 * models of the other streams already list. A test keeps it in step with the deciders.
 */
export const EVENT_TYPES: string[] = [
  ...AGREEMENT_EVENT_TYPES,
  ...INCIDENT_EVENT_TYPES,
  ...handled(commitmentProjection),
  ...handled(principalsProjection),
  ...handled(partyKeysProjection),
  ...handled(witnessesProjection),
];
