import { ADMIN_TOKEN, TestApi } from './support/test-api';

// Issue 15, case 5: a deeply nested JSON body is a client's error (400 naming the limit), never a 500.
describe('deeply nested bodies', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it('answers 400 naming the depth limit, and writes nothing', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const head = (await api.get('/health')).body.store.head;
    const reply = await api.request('POST', '/v1/agreements', { token: ADMIN_TOKEN, raw: deep });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      type: 'urn:ceasefire-ledger:problem:body-too-deep',
      code: 'BODY_TOO_DEEP',
      limit: 32,
      detail: 'the JSON body nests deeper than 32 levels',
    });
    expect((await api.get('/health')).body.store.head).toBe(head);
  });

  it('answers a body that is not JSON with a 400 a client can tell apart by its code, and writes nothing', async () => {
    const head = (await api.get('/health')).body.store.head;
    const reply = await api.request('POST', '/v1/agreements', { token: ADMIN_TOKEN, raw: '{"title":' });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ type: 'urn:ceasefire-ledger:problem:invalid-json', code: 'INVALID_JSON' });
    expect(reply.body.detail).toMatch(/^the body is not valid JSON: /);
    expect((await api.get('/health')).body.store.head).toBe(head);
  });
});
