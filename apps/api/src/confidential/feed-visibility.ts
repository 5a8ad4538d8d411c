import { type Actor, type IncidentCase, type IncidentEvent, mayRead, mayReadCaseEvent } from '@ceasefire/mvm';
import type { ReadModels } from '@ceasefire/projections';
import { agreementPartiesOf } from '../compliance/compliance.projection';
import { caseRow } from '../incidents/incident-case.queries';

/** The streams of the parties' signing keys (and the older one-per-party streams): everyone's to read. */
export const PARTY_KEY_CATEGORIES: readonly string[] = ['partykey', 'partykeys'];

/** What a feed knows of an item: its event type, its stream's category and id, and its agreement. */
export interface FeedItem {
  type: string;
  stream: string;
  agreementId: string | null;
}

/** The feed item a breach-feed row is: its CloudEvent subject names the stream. */
export const breachFeedItem = (row: {
  event_type: string;
  agreement: string | null;
  cloud_event: string;
}): FeedItem => {
  const { subject } = JSON.parse(row.cloud_event) as { subject?: string };
  const [plural, id] = (subject ?? '/').split('/');
  return { type: row.event_type, stream: `${plural.replace(/s$/, '')}-${id}`, agreementId: row.agreement };
};

/**
 * Whether a feed's reader may receive an item, decided in step with the feed (synchronously, from the read
 * models): the same rules as every other read — a case's level, the mechanism's own events, the parties of
 * an agreement. Lookups are remembered for the connection's life, bounded.
 */
export const feedJudge = (rm: ReadModels, reader: Actor): ((item: FeedItem) => boolean) => {
  if (reader.role === 'monitor' || reader.role === 'mediator') return () => true;
  const parties = new Map<string, string[]>();
  const partiesOf = (agreementId: string) => {
    let known = parties.get(agreementId);
    if (!known) {
      known = agreementPartiesOf(rm.db, (name) => rm.table('compliance', name), agreementId);
      if (parties.size > 10_000) parties.clear();
      parties.set(agreementId, known);
    }
    return known;
  };
  return (item) => {
    const dash = item.stream.indexOf('-');
    const category = item.stream.slice(0, dash);
    if (category === 'incident') {
      const row = caseRow(rm, item.stream.slice(dash + 1));
      if (!row) return mayRead(reader, 'MECHANISM', []);
      const found = JSON.parse(row.state) as IncidentCase;
      const event = { type: item.type } as Pick<IncidentEvent, 'type'>;
      return mayReadCaseEvent(reader, event, found.level ?? 'PARTIES', partiesOf(found.agreementId));
    }
    if (category === 'agreement' || category === 'commitment')
      return mayRead(reader, 'PARTIES', partiesOf(item.agreementId ?? ''));
    if (PARTY_KEY_CATEGORIES.includes(category)) return true;
    return mayRead(reader, 'MECHANISM', []);
  };
};
