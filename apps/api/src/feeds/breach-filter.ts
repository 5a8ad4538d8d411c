import { severityRank } from './breach-feed.projection';
import type { BreachRow } from './feed-hub';

export interface BreachFilter {
  agreement?: string;
  party?: string;
  /** Breaches below it are dropped; events without a severity pass. */
  minSeverity?: string;
  /** Domain event types; all breach types when absent. */
  types?: string[] | null;
}

/** The one reading of a breach filter, for SSE subscribers and webhooks alike. */
export const breachMatcher = (filter: BreachFilter): ((row: BreachRow) => boolean) => {
  const min = severityRank(filter.minSeverity);
  return (row) =>
    (!filter.types || filter.types.includes(row.event_type)) &&
    (!filter.agreement || row.agreement === filter.agreement) &&
    (!filter.party || row.parties.includes(`,${filter.party},`)) &&
    (min === null || row.severity === null || row.severity >= min);
};
