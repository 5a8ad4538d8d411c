import type { SchemaObject } from '@nestjs/swagger';
import { FeedCloudEventSchema } from '../feeds/feed-cloud-event.schema';
import {
  BOOLEAN,
  INTEGER,
  list,
  namedSchema,
  nullable,
  NULLABLE_TIMESTAMP,
  object,
  pageOf,
  POSITION,
  ref,
  strings,
  text,
  TIMESTAMP,
  UUID,
} from '../http/contract/named-schema';

const SECRET = {
  ...text('whsec_Gt2IQW7DmwpPYwVlXy1rBxwxHz4l8I9Y'),
  description: 'Standard Webhooks signing secret, shown once.',
};

const webhookProperties: Record<string, SchemaObject> = {
  id: UUID,
  url: text('https://alerts.example.org/ceasefire'),
  types: {
    ...nullable(list(text('BreachConfirmed'))),
    description: 'Event types delivered; null: every breach event.',
  },
  filter: {
    type: 'object',
    properties: { agreement: UUID, party: text('AF'), minSeverity: text('S2') },
  },
  description: nullable(text('liaison alerts')),
  enabled: BOOLEAN,
  owner: UUID,
  createdAt: TIMESTAMP,
  cursor: {
    ...POSITION,
    pattern: '^([0-9]{20}(:[0-9]{20})?)?$',
    description: 'Every breach-feed position up to this one is delivered or dead-lettered ("": none yet).',
  },
  pendingAttempts: { ...INTEGER, description: 'Failed attempts at the event after the cursor.' },
  nextAttemptAt: NULLABLE_TIMESTAMP,
};

export const WebhookResponse = namedSchema('Webhook', object(webhookProperties));

/** A registration, or a change that rotated the secret: the only answers that show it. */
export const WebhookWithSecret = namedSchema(
  'WebhookWithSecret',
  object({ ...webhookProperties, secret: SECRET }, ['secret']),
);

export const WebhookPage = pageOf('WebhookPage', 'webhooks', WebhookResponse);

export const WebhookDelivery = namedSchema(
  'WebhookDelivery',
  object({
    webhookId: UUID,
    position: POSITION,
    eventId: UUID,
    attempt: INTEGER,
    status: strings(['delivered', 'failed', 'dead'], 'delivered'),
    code: { ...nullable(INTEGER), description: "The receiver's HTTP status; null when none came." },
    latencyMs: INTEGER,
    error: nullable(text('socket hang up')),
    at: TIMESTAMP,
  }),
);

export const WebhookDeliveryPage = pageOf('WebhookDeliveryPage', 'deliveries', WebhookDelivery);

export const WebhookReplayStarted = namedSchema('WebhookReplayStarted', object({ id: UUID, fromPosition: POSITION }));

const deliveryHeader = (name: string, description: string) => ({
  name,
  in: 'header',
  required: true,
  description,
  schema: { type: 'string' },
});

/** What a registered webhook receives: the OpenAPI callback of registerWebhook. */
export const WEBHOOK_DELIVERIES = {
  breachEvent: {
    '{$request.body#/url}': {
      post: {
        summary:
          'Each breach event that matches the filter, in log order, at least once (a redelivery has the same webhook-id)',
        // Not a bearer token: the receiver checks webhook-signature with the webhook's secret.
        security: [],
        parameters: [
          deliveryHeader('webhook-id', 'The event id: deduplicate on it.'),
          deliveryHeader('webhook-timestamp', 'Unix seconds when this attempt was signed.'),
          deliveryHeader(
            'webhook-signature',
            'Standard Webhooks: space-separated `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`, one per current secret.',
          ),
        ],
        requestBody: {
          required: true,
          content: { 'application/cloudevents+json': { schema: ref(FeedCloudEventSchema) } },
        },
        responses: {
          '2XX': { description: 'Delivered: the webhook moves on to the next event.' },
          '4XX': {
            description:
              'Not delivered, as any answer but 2XX or none within WEBHOOK_TIMEOUT_MS: the same event is tried again per WEBHOOK_RETRY_SCHEDULE_MS, and after the last try the webhook is dead until replayed.',
          },
        },
      },
    },
  },
};
