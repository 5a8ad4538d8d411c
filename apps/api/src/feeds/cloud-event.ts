import { CLOUD_EVENT_TYPE_PREFIX, type FeedCloudEvent } from '@ceasefire/api-client';
import type { ProjectedEvent, RecordedEventOf } from '@ceasefire/projections';

/** Any recorded event, whatever its data. */
type AnyRecordedEvent = RecordedEventOf<ProjectedEvent>;

/** One reverse-DNS CloudEvents type per event type. */
export const cloudEventType = (eventType: string): string => `${CLOUD_EVENT_TYPE_PREFIX}${eventType}`;

export const agreementOf = (event: AnyRecordedEvent): string | undefined =>
  event.stream.startsWith('agreement-')
    ? event.stream.slice('agreement-'.length)
    : ((event.data as { agreementId?: string }).agreementId ?? undefined);

const subjectOf = (event: AnyRecordedEvent): string | undefined => {
  const dash = event.stream.indexOf('-');
  const category = event.stream.slice(0, dash);
  return ['incident', 'commitment', 'agreement'].includes(category)
    ? `${category}s/${event.stream.slice(dash + 1)}`
    : undefined;
};

export const toCloudEvent = (
  event: AnyRecordedEvent,
  origin: string,
  extensions: { severity?: string; parties?: string[] } = {},
): FeedCloudEvent => {
  const agreement = agreementOf(event);
  const subject = subjectOf(event);
  return {
    specversion: '1.0',
    id: event.eventId,
    source: agreement ? `${origin}/agreements/${agreement}` : origin,
    type: cloudEventType(event.type),
    ...(subject ? { subject } : {}),
    time: event.recordedAt,
    datacontenttype: 'application/json',
    data: event.data,
    position: event.position,
    eventhash: event.hash,
    ...(extensions.severity ? { severity: extensions.severity } : {}),
    ...(extensions.parties?.length ? { parties: extensions.parties.join(',') } : {}),
  };
};
