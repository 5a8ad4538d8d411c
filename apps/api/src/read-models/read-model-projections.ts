import type { Projection } from '@ceasefire/projections';
import { agreementListProjection } from '../agreements/agreement-list.projection';
import { agreementTimelineProjection } from '../agreements/agreement-timeline.projection';
import { principalsProjection } from '../auth/principals.projection';
import { commitmentProjection } from '../commitments/commitment.projection';
import { complianceProjection } from '../compliance/compliance.projection';
import { breachFeedProjection } from '../feeds/breach-feed.projection';
import { incidentCaseProjection } from '../incidents/incident-case.projection';
import { ledgerProjection } from '../ledger/ledger.projection';
import { witnessesProjection } from '../ledger/witnesses.projection';
import { streamCatalogProjection } from '../streams/stream-catalog.projection';
import { partyKeysProjection } from '../submissions/party-keys.projection';

/** Every read model of the API; the same list on the request thread and on the projection thread. */
export const readModelProjections = (ledgerOrigin: string): Projection[] => [
  streamCatalogProjection,
  principalsProjection,
  incidentCaseProjection,
  commitmentProjection,
  complianceProjection,
  agreementTimelineProjection,
  agreementListProjection,
  ledgerProjection,
  witnessesProjection,
  partyKeysProjection,
  breachFeedProjection(ledgerOrigin),
];
