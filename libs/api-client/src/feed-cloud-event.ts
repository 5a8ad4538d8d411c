import type { SseMessage } from './event-stream';

/**
 * What each message of the event and breach feeds (SSE `data:`) and each webhook body holds: CloudEvents 1.0
 * JSON with this log's extensions. The server builds it with this type, and its readers parse it with it.
 */
export interface FeedCloudEvent {
  specversion: '1.0';
  /** The event id (also the webhook-id). */
  id: string;
  source: string;
  /** `org.ceasefireledger.mvm.<EventType>`. */
  type: string;
  /** `incidents/<id>`, `commitments/<id>` or `agreements/<id>`. */
  subject?: string;
  time: string;
  datacontenttype: 'application/json';
  data: unknown;
  /** The global position: the SSE id, and where a reconnect resumes. */
  position: string;
  eventhash: string;
  /** Present once the ledger has sequenced the event: fetch /v1/events/{id}/receipt to verify it. */
  ledgerindex?: number;
  /** Breaches: the severity, where the event carries one. */
  severity?: string;
  /** Breaches: the parties concerned, comma-separated. */
  parties?: string;
}

export const CLOUD_EVENT_TYPE_PREFIX = 'org.ceasefireledger.mvm.';

/** The record's own event type of a feed message (`BreachConfirmed`, …). */
export const eventTypeOf = (event: Pick<FeedCloudEvent, 'type'>): string =>
  event.type.startsWith(CLOUD_EVENT_TYPE_PREFIX) ? event.type.slice(CLOUD_EVENT_TYPE_PREFIX.length) : event.type;

/** A feed message's CloudEvent; throws naming what is missing when the message is not one. */
export const parseFeedEvent = (message: SseMessage): FeedCloudEvent => {
  const event = JSON.parse(message.data) as Partial<FeedCloudEvent>;
  for (const field of ['id', 'type', 'time', 'eventhash'] as const)
    if (typeof event[field] !== 'string')
      throw new Error(`feed message ${message.id} is not a CloudEvent of this log: no ${field}`);
  return event as FeedCloudEvent;
};
