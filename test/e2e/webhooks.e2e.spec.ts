import { accessDenial, agreementBody, raidReport } from './support/case-data';
import { TestApi } from './support/test-api';
import { until } from './support/until';
import { WebhookReceiver } from './support/webhook-receiver';

describe('webhooks: signed, retried, ordered breach deliveries', () => {
  let api: TestApi;
  let receiver: WebhookReceiver;
  const t: Record<string, string> = {};
  let incident: string;
  let denials = 0;

  const deny = async (deniedBy = 'AF') => {
    denials += 1;
    const reply = await api.post(`/v1/incidents/${incident}/access-denials`, t.mon, accessDenial(denials, deniedBy));
    expect(reply.status).toBe(201);
    return reply.body.events[0] as { eventId: string; position: string };
  };

  beforeAll(async () => {
    api = await TestApi.start({ WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_SCHEDULE_MS: '20,40,80' });
    receiver = await WebhookReceiver.start();
    t.pk = await api.principal('PK', 'party', 'PK');
    t.mon = await api.principal('Monitor', 'monitor');
    t.tr = await api.principal('TR', 'mediator');
    t.obs = await api.principal('Dashboard', 'auditor');
    t.obs2 = await api.principal('Other dashboard', 'auditor');
    const agreement = (await api.post('/v1/agreements', t.tr, agreementBody)).body.id;
    incident = (await api.post(`/v1/agreements/${agreement}/incidents`, t.pk, raidReport)).body.id;
    await api.post(`/v1/incidents/${incident}/triage`, t.mon, { decision: 'ADMISSIBLE', reason: 'x' });
    await api.post(`/v1/incidents/${incident}/investigation`, t.mon, {});
  });
  afterAll(async () => {
    await api.stop();
    await receiver.stop();
  });

  it('delivers breaches in order with Standard Webhooks signatures, retrying 500s and dead-lettering at the end', async () => {
    const registered = await api.post('/v1/webhooks', t.tr, { url: receiver.url, description: 'liaison alerts' });
    expect(registered.status).toBe(201);
    expect(registered.body.secret).toMatch(/^whsec_/);
    receiver.secrets = [registered.body.secret];
    const written = [await deny(), await deny('PK'), await deny()];
    await until(() => receiver.processed.length === 3);
    expect(receiver.processed.map((p) => p.id)).toEqual(written.map((w) => w.eventId));
    expect(receiver.arrivals.every((a) => a.verified)).toBe(true);
    expect(receiver.processed[0].body).toMatchObject({
      specversion: '1.0',
      id: written[0].eventId,
      type: 'org.ceasefireledger.mvm.AccessDenied',
      position: written[0].position,
    });

    receiver.mode = 'down';
    const lost = await deny();
    await until(() => false, 600).catch(() => undefined);
    const deliveries = await api.get(`/v1/webhooks/${registered.body.id}/deliveries?status=dead`, t.tr);
    expect(deliveries.body.deliveries).toEqual([
      expect.objectContaining({ eventId: lost.eventId, status: 'dead', attempt: 4, code: null }),
    ]);
    receiver.mode = 'ok';
    const after = await deny();
    await until(() => receiver.processed.some((p) => p.id === after.eventId));
    expect(receiver.processed.some((p) => p.id === lost.eventId)).toBe(false);

    const replay = await api.post(`/v1/webhooks/${registered.body.id}/replay`, t.tr, { fromPosition: lost.position });
    expect(replay.status).toBe(202);
    await until(() => receiver.processed.some((p) => p.id === lost.eventId));
    await api.request('DELETE', `/v1/webhooks/${registered.body.id}`, { token: t.tr });
  });

  it('signs with both secrets while a rotated secret overlaps, and stops while disabled', async () => {
    const registered = (await api.post('/v1/webhooks', t.obs, { url: receiver.url, types: ['AccessDenied'] })).body;
    const rotated = await api.request('PATCH', `/v1/webhooks/${registered.id}`, {
      token: t.obs,
      body: { rotateSecret: true },
    });
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(registered.secret);
    const verifiedBy = async (secret: string) => {
      receiver.secrets = [secret];
      const event = await deny();
      await until(() => receiver.arrivals.some((a) => a.id === event.eventId));
      return receiver.arrivals.find((a) => a.id === event.eventId);
    };
    const byNew = await verifiedBy(rotated.body.secret);
    expect(String(byNew?.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(byNew?.verified).toBe(true);
    expect((await verifiedBy(registered.secret))?.verified).toBe(true);
    expect((await verifiedBy('whsec_' + Buffer.alloc(24, 1).toString('base64')))?.verified).toBe(false);
    receiver.secrets = [rotated.body.secret];

    await api.request('PATCH', `/v1/webhooks/${registered.id}`, { token: t.obs, body: { enabled: false } });
    const quiet = await deny();
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.arrivals.some((a) => a.id === quiet.eventId)).toBe(false);
    await api.request('PATCH', `/v1/webhooks/${registered.id}`, { token: t.obs, body: { enabled: true } });
    await until(() => receiver.arrivals.some((a) => a.id === quiet.eventId));
    await api.request('DELETE', `/v1/webhooks/${registered.id}`, { token: t.obs });
  });

  it('lets mediators and admins manage all, auditors and observers only their own, and no one else', async () => {
    const mine = (await api.post('/v1/webhooks', t.obs, { url: receiver.url })).body;
    expect((await api.get(`/v1/webhooks/${mine.id}`, t.obs2)).status).toBe(403);
    expect((await api.get(`/v1/webhooks/${mine.id}`, t.tr)).status).toBe(200);
    expect((await api.post('/v1/webhooks', t.pk, { url: receiver.url })).status).toBe(403);
    expect((await api.post('/v1/webhooks', t.mon, { url: receiver.url })).status).toBe(403);
    expect((await api.get('/v1/webhooks', t.obs2)).body.webhooks).toEqual([]);
    expect((await api.request('DELETE', `/v1/webhooks/${mine.id}`, { token: t.obs })).status).toBe(204);
  });

  it('refuses bad URLs, private targets, unknown types and malformed filters, naming the field, registering nothing', async () => {
    const strict = await TestApi.start();
    try {
      const mediator = await strict.principal('TR', 'mediator');
      const cases: [unknown, RegExp][] = [
        [{ url: 'not a url' }, /url/],
        [{ url: 'ftp://example.org/x' }, /url must use http or https/],
        [{ url: 'http://127.0.0.1:9/x' }, /url: 127.0.0.1 resolves to 127.0.0.1/],
        [{ url: 'http://[::1]:9/x' }, /url: ::1/],
        [{ url: 'http://169.254.169.254/latest' }, /link-local/],
        [{ url: 'http://localhost:9/x' }, /url: localhost resolves to/],
        [{ url: 'https://example.org/x', types: ['IncidentReported'] }, /types must be breach event types/],
        [{ url: 'https://example.org/x', types: 'AccessDenied' }, /types/],
        [{ url: 'https://example.org/x', filter: { minSeverity: 'S9' } }, /filter.minSeverity/],
        [{ url: 'https://example.org/x', filter: { party: 'pk' } }, /filter.party/],
        [{ url: 'https://example.org/x', filter: 'PK' }, /filter/],
        [{ url: 'https://example.org/x', secret: 'mine' }, /secret/],
      ];
      for (const [body, message] of cases) {
        const reply = await strict.post('/v1/webhooks', mediator, body);
        expect({ body, status: reply.status }).toEqual({ body, status: expect.any(Number) });
        expect([400, 422]).toContain(reply.status);
        expect(JSON.stringify(reply.body)).toMatch(message);
      }
      expect((await strict.get('/v1/webhooks', mediator)).body.webhooks).toEqual([]);
    } finally {
      await strict.stop();
    }
  });
});
