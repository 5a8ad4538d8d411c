import { createHash } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { agreementBody, raidReport } from './support/case-data';
import { ADMIN_TOKEN, TestApi } from './support/test-api';

// Issue 13: principals an institution can trust — listed, suspended, revoked, rotated as events; scoped.
describe('principals', () => {
  let api: TestApi;
  let t: Awaited<ReturnType<TestApi['caseCast']>>;
  let agreement: string;

  beforeAll(async () => {
    api = await TestApi.start();
    t = await api.caseCast();
    agreement = (await api.post('/v1/agreements', t.tr, agreementBody)).body.id;
  });
  afterAll(() => api.stop());

  const register = async (body: object) => {
    const reply = await api.post('/v1/principals', ADMIN_TOKEN, body);
    return reply;
  };

  it('lists principals for an admin only, with institution and status, never a token or its hash', async () => {
    const made = await register({ name: 'Qatar desk', role: 'mediator', institution: 'QA' });
    const list = await api.get('/v1/principals?limit=500', ADMIN_TOKEN);
    expect(list.status).toBe(200);
    expect(list.body.principals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: made.body.id, role: 'mediator', institution: 'QA', status: 'ACTIVE' }),
      ]),
    );
    const text = JSON.stringify(list.body);
    expect(text).not.toMatch(/token|sha256/i);
    expect(text).not.toContain(made.body.token);
    expect((await api.get('/v1/principals', t.tr)).status).toBe(403);
  });

  it('records no hash of a token anyone could test guesses against: the log holds a keyed verifier', async () => {
    const { id, token } = (await register({ name: 'Observer Y', role: 'observer' })).body;
    const store = api.app.get<EventStore>(EVENT_STORE);
    let text = '';
    for await (const e of store.readAll()) text += e.canonical;
    expect(text).toContain(id);
    expect(text).not.toContain(createHash('sha256').update(token).digest('hex'));
    expect(text).not.toMatch(/tokenSha256/);
  });

  it('refuses a suspended or revoked token at once, and revocation is final', async () => {
    const made = await register({ name: 'Monitor X', role: 'monitor' });
    const { id, token } = made.body;
    const incident = (await api.post(`/v1/agreements/${agreement}/incidents`, t.pk, raidReport)).body.id;
    expect(
      (await api.post(`/v1/incidents/${incident}/triage`, token, { decision: 'ADMISSIBLE', reason: 'x' })).status,
    ).toBe(201);
    expect((await api.post(`/v1/principals/${id}/suspension`, ADMIN_TOKEN, { reason: 'audit' })).status).toBe(201);
    expect(await api.get(`/v1/incidents/${incident}`, token)).toMatchObject({
      status: 401,
      body: { detail: /suspended/ },
    });
    expect((await api.post(`/v1/principals/${id}/reinstatement`, ADMIN_TOKEN, { reason: 'cleared' })).status).toBe(201);
    expect((await api.get(`/v1/incidents/${incident}`, token)).status).toBe(200);
    expect((await api.post(`/v1/principals/${id}/revocation`, ADMIN_TOKEN, { reason: 'left' })).status).toBe(201);
    expect(await api.get(`/v1/incidents/${incident}`, token)).toMatchObject({
      status: 401,
      body: { detail: /revoked/ },
    });
    const again = await api.post(`/v1/principals/${id}/reinstatement`, ADMIN_TOKEN, { reason: 'undo' });
    expect(again).toMatchObject({ status: 409, body: { rule: 'PrincipalRevoked' } });
    // What it did stays on the record, attributed to it.
    const history = (await api.get(`/v1/incidents/${incident}/history`, t.tr)).body.events;
    expect(history.find((e: { type: string }) => e.type === 'IncidentTriaged').data.triagedBy).toBe(id);
  });

  it('rotates a token: the new one works, the old one is refused', async () => {
    const { id, token } = (await register({ name: 'Observer', role: 'observer' })).body;
    const rotated = await api.post(`/v1/principals/${id}/token-rotation`, token, {});
    expect(rotated.status).toBe(201);
    expect(rotated.body.token).toEqual(expect.any(String));
    expect((await api.get(`/v1/agreements/${agreement}`, token)).status).toBe(401);
    expect((await api.get(`/v1/agreements/${agreement}`, rotated.body.token)).status).toBe(200);
    const other = (await register({ name: 'Other', role: 'observer' })).body;
    expect((await api.post(`/v1/principals/${id}/token-rotation`, other.token, {})).status).toBe(403);
  });

  it('takes a retried lifecycle write once (Idempotency-Key), and refuses one made on a stale revision (If-Match)', async () => {
    const { id, token } = (await register({ name: 'Retried desk', role: 'monitor' })).body;
    const retry = { 'Idempotency-Key': 'rotate-retried-desk-1' };
    const first = await api.post(`/v1/principals/${id}/token-rotation`, ADMIN_TOKEN, {}, retry);
    const again = await api.post(`/v1/principals/${id}/token-rotation`, ADMIN_TOKEN, {}, retry);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    // The same write answered again: its position and revision, and not the token a second time.
    expect(again.body).toMatchObject({ position: first.body.position, revision: first.body.revision, token: null });
    expect((await api.get('/v1/agreements', first.body.token)).status).toBe(200);
    expect((await api.get('/v1/agreements', token)).status).toBe(401);
    const stale = await api.post(
      `/v1/principals/${id}/suspension`,
      ADMIN_TOKEN,
      { reason: 'on leave' },
      { 'If-Match': `"${first.body.revision - 1}"` },
    );
    expect(stale.status).toBe(412);
    const current = await api.post(
      `/v1/principals/${id}/suspension`,
      ADMIN_TOKEN,
      { reason: 'on leave' },
      { 'If-Match': `"${first.body.revision}"` },
    );
    expect(current).toMatchObject({ status: 201, body: { revision: first.body.revision + 1 } });
  });

  it('scopes principals: to agreements, and a party to agreements it is a party to', async () => {
    const other = (await api.post('/v1/agreements', t.tr, { ...agreementBody, title: 'Another truce' })).body.id;
    const scoped = (await register({ name: 'Scoped monitor', role: 'monitor', agreements: [agreement] })).body.token;
    const inOther = await api.post(`/v1/agreements/${other}/incidents`, scoped, raidReport);
    expect(inOther).toMatchObject({ status: 403, body: { rule: 'PrincipalScopedToAgreements' } });
    expect((await api.post(`/v1/agreements/${agreement}/incidents`, scoped, raidReport)).status).toBe(201);
    const outsider = (await register({ name: 'India', role: 'party', party: 'IN' })).body.token;
    const filed = await api.post(`/v1/agreements/${agreement}/incidents`, outsider, raidReport);
    expect(filed).toMatchObject({ status: 403, body: { rule: 'PartyPrincipalOfAgreement' } });
    for (const party of ['UNKNOWN', 'ALL'])
      expect(await register({ name: party, role: 'party', party })).toMatchObject({ status: 422 });
  });
});

describe('guessing tokens', () => {
  it('is throttled per address: 429 after 20 refused tokens in a minute', async () => {
    const api = await TestApi.start();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++)
        statuses.push((await api.get('/v1/principals', `guess-${i}-abcdefghijklmnop`)).status);
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(20)).toEqual([429, 429]);
    } finally {
      await api.stop();
    }
  });
});
