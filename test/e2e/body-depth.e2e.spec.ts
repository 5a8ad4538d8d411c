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
    expect(JSON.stringify(reply.body)).toMatch(/deep|depth|nest/i);
    expect((await api.get('/health')).body.store.head).toBe(head);
  });
});
