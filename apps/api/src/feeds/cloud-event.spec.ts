import { eventTypeOf, parseFeedEvent } from '@ceasefire/api-client';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { toCloudEvent } from './cloud-event';
import { FeedCloudEventSchema } from './feed-cloud-event.schema';

const recorded = {
  eventId: '0199a1b2-0000-7000-8000-000000000001',
  stream: 'incident-0199a1b2-0000-7000-8000-0000000000aa',
  revision: 4,
  position: '42',
  type: 'BreachConfirmed',
  schemaVersion: 1,
  data: { agreementId: 'a1', severity: 'S3' },
  metadata: {},
  recordedAt: '2025-11-02T10:00:00.000Z',
  hash: 'ab'.repeat(32),
  prevHash: 'cd'.repeat(32),
  canonical: '{}',
};

describe('the feeds CloudEvent', () => {
  it('is built by the server as its readers (CLI, console) parse it', () => {
    const sent = toCloudEvent(recorded as never, 'https://ledger.example', { severity: 'S3', parties: ['AF', 'PK'] });
    const read = parseFeedEvent({ id: '42', event: sent.type, data: JSON.stringify(sent) });
    expect(read).toEqual(sent);
    expect(read).toMatchObject({
      id: recorded.eventId,
      position: '42',
      eventhash: recorded.hash,
      subject: 'incidents/0199a1b2-0000-7000-8000-0000000000aa',
      source: 'https://ledger.example/agreements/a1',
      parties: 'AF,PK',
    });
    expect(eventTypeOf(read)).toBe('BreachConfirmed');
  });

  it('is refused by its readers, naming the field, when a message is not one', () => {
    const sent = toCloudEvent(recorded as never, 'https://ledger.example');
    const { eventhash: _dropped, ...partial } = sent;
    expect(() => parseFeedEvent({ id: '42', event: 'message', data: JSON.stringify(partial) })).toThrow(
      'feed message 42 is not a CloudEvent of this log: no eventhash',
    );
  });

  it('is what the OpenAPI document declares for each feed message and webhook body, member for member', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile({ ...FeedCloudEventSchema.schema, additionalProperties: false });
    const event = { ...recorded, position: '00000000000000000042' };
    const breach = toCloudEvent(event as never, 'https://ledger.example', { severity: 'S3', parties: ['AF', 'PK'] });
    const sequenced = {
      ...toCloudEvent({ ...event, stream: 'witness-w1' } as never, 'https://ledger.example'),
      ledgerindex: 7,
    };
    for (const sent of [breach, sequenced])
      expect([validate(sent), ajv.errorsText(validate.errors)]).toEqual([true, 'No errors']);
    expect(validate({ ...breach, eventhash: 'not a hash' })).toBe(false);
  });
});
