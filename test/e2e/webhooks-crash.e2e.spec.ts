import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess } from './support/api-process';
import { accessDenial, agreementBody, raidReport } from './support/case-data';
import { WebhookReceiver } from './support/webhook-receiver';
import { until } from './support/until';

/**
 * The receiver is down for a while, then fails half the time, then answers slowly, and the API is
 * SIGKILLed in the middle of a delivery and restarted: every breach still arrives, in order, and a
 * receiver that dedupes by webhook-id processes each exactly once.
 */
describe('webhook delivery survives receiver outages and an API crash', () => {
  let api: ApiProcess;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    ApiProcess.build();
    receiver = await WebhookReceiver.start();
    api = await ApiProcess.create({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'ledger-webhook-crash-')),
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_RETRY_SCHEDULE_MS: Array(20).fill(300).join(','),
      SCHEDULER_INTERVAL_MS: '0',
    });
    await api.start();
  }, 120_000);
  afterAll(async () => {
    await api.kill();
    await receiver.stop();
  });

  it('delivers every breach in order, each processed once, through it all', async () => {
    const tr = await api.principal('TR', 'mediator');
    const pk = await api.principal('PK', 'party', 'PK');
    const mon = await api.principal('Monitor', 'monitor');
    const agreement = (await api.request('POST', '/v1/agreements', tr, agreementBody)).body.id;
    const incident = (await api.request('POST', `/v1/agreements/${agreement}/incidents`, pk, raidReport)).body.id;
    await api.request('POST', `/v1/incidents/${incident}/triage`, mon, { decision: 'ADMISSIBLE', reason: 'x' });
    await api.request('POST', `/v1/incidents/${incident}/investigation`, mon, {});
    const hook = await api.request('POST', '/v1/webhooks', tr, { url: receiver.url });
    expect(hook.status).toBe(201);
    receiver.secrets = [hook.body.secret];
    const expected: string[] = [];
    const deny = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const reply = await api.request(
          'POST',
          `/v1/incidents/${incident}/access-denials`,
          mon,
          accessDenial(expected.length + 1, i % 2 ? 'PK' : 'AF'),
        );
        expect(reply.status).toBe(201);
        expected.push(reply.body.events[0].eventId);
      }
    };

    receiver.mode = 'down';
    await deny(10);
    await new Promise((r) => setTimeout(r, 1500));
    receiver.mode = 'flaky';
    await deny(10);
    await until(() => receiver.processed.length >= 12, 30_000, 'flaky deliveries');
    receiver.mode = 'slow';
    receiver.slowMs = 500;
    await deny(5);
    await until(() => receiver.inFlight > 0, 30_000, 'a delivery in flight');
    await api.kill();
    await api.start();
    receiver.mode = 'ok';
    await deny(5);
    await until(() => receiver.processed.length === expected.length, 60_000, 'every breach');

    expect(receiver.processed.map((p) => p.id)).toEqual(expected);
    expect(receiver.arrivals.every((a) => a.verified)).toBe(true);
    expect(receiver.arrivals.every((a) => expected.includes(a.id))).toBe(true);
    expect(receiver.arrivals.length).toBeGreaterThan(expected.length);
    const deliveries = await api.request('GET', `/v1/webhooks/${hook.body.id}/deliveries`, tr);
    expect(deliveries.body.deliveries.filter((d: { status: string }) => d.status === 'dead')).toEqual([]);
  }, 180_000);
});
