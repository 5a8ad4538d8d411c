import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { anEvent } from '@ceasefire/event-store/testing';
import { appConfigFromEnv } from '../../apps/api/src/config/app.config';
import { createApp } from '../../apps/api/src/create-app';

describe('API shell over the embedded store', () => {
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
    process.env.ADMIN_TOKEN = 'shell-admin-token-0123456789abcdef';
    app = await createApp(appConfigFromEnv({ DATA_DIR: dataDir, PORT: '0', SCHEDULER_INTERVAL_MS: '0' }), {
      logger: false,
      docsUi: false,
    });
    delete process.env.ADMIN_TOKEN;
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(async () => {
    await app.close();
  });

  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`, {
      headers: { authorization: 'Bearer shell-admin-token-0123456789abcdef' },
    });
    return {
      status: response.status,
      body: (response.headers.get('content-type')?.includes('json')
        ? await response.json()
        : await response.text()) as any,
    };
  };

  it("answers /health with the store reachable and each projection's lag", async () => {
    const { status, body } = await get('/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', store: { kind: 'sqlite', reachable: true } });
    expect(body.projections).toEqual(
      expect.arrayContaining([expect.objectContaining({ projection: 'stream_catalog', lag: 0 })]),
    );
  });

  it('serves the OpenAPI document under /docs', async () => {
    const { body } = await get('/docs/openapi.json');
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/health', '/v1/streams']));
  });

  it('reads its own write through a projection when asked to wait for a position', async () => {
    const store = app.get<EventStore>(EVENT_STORE);
    const { position } = await store.append('agreement-istanbul2025', [
      anEvent('AgreementRegistered', { title: 'Doha ceasefire' }),
    ]);
    const { status, body } = await get(`/v1/streams?category=agreement&minPosition=${position}`);
    expect(status).toBe(200);
    expect(body.streams).toEqual([
      expect.objectContaining({
        stream: 'agreement-istanbul2025',
        category: 'agreement',
        lastRevision: 0,
        lastType: 'AgreementRegistered',
        lastPosition: position,
      }),
    ]);
  });

  it('rejects bad query input with a 400 that names the field', async () => {
    const { status, body } = await get('/v1/streams?limit=abc&category=-x');
    expect(status).toBe(400);
    expect(body.detail).toMatch(/limit/);
    expect(body.detail).toMatch(/category/);
  });
});
