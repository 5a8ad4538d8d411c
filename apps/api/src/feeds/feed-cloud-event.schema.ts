import { namedSchema, object, POSITION, text, TIMESTAMP, UUID } from '../http/contract/named-schema';

/** FeedCloudEvent (libs/api-client) in the OpenAPI document: each feed message's `data:` and each webhook body. */
export const FeedCloudEventSchema = namedSchema(
  'FeedCloudEvent',
  object(
    {
      specversion: { type: 'string', enum: ['1.0'] },
      id: { ...UUID, description: 'The event id (a webhook delivery sends it as webhook-id).' },
      source: text('https://ledger.example/agreements/01a2222b-b464-7c95-8ccb-43cec952edff'),
      type: {
        type: 'string',
        description: '`org.ceasefireledger.mvm.<EventType>`.',
        example: 'org.ceasefireledger.mvm.BreachConfirmed',
      },
      subject: { type: 'string', description: '`incidents/<id>`, `commitments/<id>` or `agreements/<id>`.' },
      time: TIMESTAMP,
      datacontenttype: { type: 'string', enum: ['application/json'] },
      data: { type: 'object', description: "The event's data, as recorded." },
      position: POSITION,
      eventhash: {
        type: 'string',
        pattern: '^[0-9a-f]{64}$',
        description: "SHA-256 of the event's canonical envelope.",
      },
      ledgerindex: {
        type: 'integer',
        minimum: 0,
        description: 'Present once the ledger has sequenced the event: GET /v1/events/{id}/receipt proves it.',
      },
      severity: { type: 'string', description: 'Breaches: the severity, where the event carries one.' },
      parties: { type: 'string', description: 'Breaches: the parties concerned, comma-separated.', example: 'AF,PK' },
    },
    ['subject', 'ledgerindex', 'severity', 'parties'],
  ),
);
