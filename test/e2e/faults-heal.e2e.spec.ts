import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { ParkedProjectionsRetry } from '../../apps/api/src/read-models/parked-projections-retry';
import { agreementBody, raidReport } from './support/case-data';
import { ADMIN_TOKEN, TestApi } from './support/test-api';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Issue 17, part 8: read models parked by a full disk resume by themselves once there is room, or by an admin. */
describe('faults that heal', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  const parkedNames = async () =>
    ((await api.get('/health')).body.projections as { projection: string; parked?: unknown }[])
      .filter((p) => p.parked)
      .map((p) => p.projection);

  it('parks read models on a full disk, then resumes them by itself with backoff once there is room', async () => {
    const t = await api.caseCast();
    const agreement = (await api.post('/v1/agreements', t.tr, agreementBody)).body.id as string;
    const runner = api.app.get<ProjectionRunner>(PROJECTION_RUNNER);
    const pages = runner.db.pragma('page_count', { simple: true }) as number;
    runner.db.pragma(`max_page_count = ${pages}`);
    let last = '';
    for (let i = 0; i < 30; i++) {
      const reply = await api.post(`/v1/agreements/${agreement}/incidents`, t.pk, {
        ...raidReport,
        description: `${'x'.repeat(3000)} ${i}`,
      });
      expect(reply.status).toBe(201);
      last = reply.body.id;
    }
    let parked: string[] = [];
    for (let i = 0; i < 50 && parked.length === 0; i++) {
      await sleep(100);
      parked = await parkedNames();
    }
    expect(parked.length).toBeGreaterThan(0);
    expect((await api.get('/health')).body.status).toBe('degraded');
    const read = await api.get(
      `/v1/incidents/${last}?minPosition=${(await api.get('/health')).body.store.head}`,
      t.mon1,
    );
    expect(read.status).toBe(503);

    // Still full: the retries park it again, each later than the one before.
    await sleep(1500);
    expect((await parkedNames()).length).toBeGreaterThan(0);

    runner.db.pragma('max_page_count = 1073741823');
    const healed = Date.now();
    for (;;) {
      if ((await parkedNames()).length === 0) break;
      expect(Date.now() - healed).toBeLessThan(15_000);
      await sleep(200);
    }
    const head = (await api.get('/health')).body.store.head as string;
    expect((await api.get(`/v1/incidents/${last}?minPosition=${head}`, t.mon1)).status).toBe(200);
    expect((await api.get('/health')).body.status).toBe('ok');
  }, 60_000);

  it('lets an admin resume a read model at once, and nobody else', async () => {
    const t = await api.caseCast();
    const runner = api.app.get<ProjectionRunner>(PROJECTION_RUNNER);
    // The automatic retry is held off here, to see the admin's resume do it.
    const retry = api.app.get(ParkedProjectionsRetry);
    retry.onApplicationShutdown();
    const pages = runner.db.pragma('page_count', { simple: true }) as number;
    runner.db.pragma(`max_page_count = ${pages}`);
    const agreement = (await api.post('/v1/agreements', t.tr, agreementBody)).body.id as string;
    for (let i = 0; i < 30; i++)
      await api.post(`/v1/agreements/${agreement}/incidents`, t.pk, { ...raidReport, description: 'y'.repeat(3000) });
    let parked: string[] = [];
    for (let i = 0; i < 50 && parked.length === 0; i++) {
      await sleep(100);
      parked = await parkedNames();
    }
    expect(parked.length).toBeGreaterThan(0);
    runner.db.pragma('max_page_count = 1073741823');
    expect((await api.post(`/v1/read-models/${parked[0]}/resume`, t.tr, {})).status).toBe(403);
    expect((await api.post('/v1/read-models/no_such_model/resume', ADMIN_TOKEN, {})).status).toBe(404);
    const resumed = await api.post(`/v1/read-models/${parked[0]}/resume`, ADMIN_TOKEN, {});
    expect(resumed.status).toBe(200);
    expect(resumed.body).toEqual({ projection: parked[0], wasParked: true, parked: false });
    expect(await parkedNames()).not.toContain(parked[0]);
  }, 60_000);
});
