import { principalBody } from './case-data';
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EsdbModel, EsdbStandIn } from '@ceasefire/event-store/eventstoredb-testing';
import { appConfigFromEnv } from '../../../apps/api/src/config/app.config';
import { createApp } from '../../../apps/api/src/create-app';
import { ContractCheck } from './contract-check';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

/**
 * Makes every TestApi of this test file run on EventStoreDB: the real adapter and client, talking to
 * the server named by EVENTSTORE_CONNECTION_STRING (a fresh one per file: the cases expect an empty
 * log), or else over loopback gRPC to a stand-in answered by the in-memory server model.
 */
export const onEventStoreDbStandIn = (): void => {
  process.env.E2E_EVENT_STORE = 'eventstoredb-stand-in';
};

/** The real app on a fresh data directory (and a fresh log), spoken to over HTTP on loopback. */
export class TestApi {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly base: string,
    readonly dataDir: string,
    readonly contract: ContractCheck,
    private readonly standIn?: EsdbStandIn,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<TestApi> {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
    const onEventStoreDb = process.env.E2E_EVENT_STORE === 'eventstoredb-stand-in';
    const realServer = process.env.EVENTSTORE_CONNECTION_STRING;
    const standIn = onEventStoreDb && !realServer ? await EsdbStandIn.start(new EsdbModel()) : undefined;
    if (onEventStoreDb)
      env = {
        EVENT_STORE: 'eventstoredb',
        EVENTSTORE_CONNECTION_STRING: standIn?.connectionString ?? realServer!,
        ...env,
      };
    const previous = process.env.ADMIN_TOKEN;
    process.env.ADMIN_TOKEN = ADMIN_TOKEN;
    const config = appConfigFromEnv({
      DATA_DIR: dataDir,
      PORT: '0',
      SCHEDULER_INTERVAL_MS: '0',
      CHECKPOINT_INTERVAL_MS: '0',
      // Tests write faster than any principal may in production; a test of the quota sets its own.
      WRITES_PER_MINUTE: '0',
      WRITES_PER_MINUTE_PER_IP: '0',
      HEAVY_READS_PER_MINUTE: '0',
      HEAVY_READS_PER_MINUTE_PER_IP: '0',
      ...env,
    });
    const app = await createApp(config, { logger: false, docsUi: false });
    process.env.ADMIN_TOKEN = previous;
    await app.listen(0, '127.0.0.1');
    const base = await app.getUrl();
    const document = (await (await fetch(`${base}/docs/openapi.json`)).json()) as Record<string, any>;
    return new TestApi(app, base, dataDir, new ContractCheck(document), standIn);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.standIn?.stop();
  }

  async request(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined = options.raw;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(options.body);
    } else if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.base}${path}`, { method, headers, body: payload });
    // Every 201 of the API says where its result lives (issue 16): checked on every e2e request.
    if (response.status === 201 && !response.headers.get('location'))
      throw new Error(`${method} ${path} answered 201 without a Location header`);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    // Every answer of every e2e test is checked against the OpenAPI document (issue 16).
    this.contract.check(method, path, response.status, response.headers, body);
    return { status: response.status, body, headers: response.headers };
  }

  get = (path: string, token?: string) => this.request('GET', path, { token });
  post = (path: string, token: string | undefined, body: unknown, headers?: Record<string, string>) =>
    this.request('POST', path, { token, body, headers });

  /** The Istanbul case's cast, each with a bearer token: both parties, two monitors, both mediators. */
  async caseCast(): Promise<Record<'pk' | 'af' | 'mon1' | 'mon2' | 'tr' | 'qa', string>> {
    return {
      pk: await this.principal('PK', 'party', 'PK'),
      af: await this.principal('AF', 'party', 'AF'),
      mon1: await this.principal('Monitor 1', 'monitor'),
      mon2: await this.principal('Monitor 2', 'monitor'),
      tr: await this.principal('Türkiye', 'mediator', 'TR'),
      qa: await this.principal('Qatar', 'mediator', 'QA'),
    };
  }

  /** Every kind of reader, for read-scope tests: both parties, one outside the agreement, the mechanism, readers. */
  async readers() {
    return {
      pk: await this.principal('PK', 'party', 'PK'),
      af: await this.principal('AF', 'party', 'AF'),
      outsider: await this.principal('IN', 'party', 'IN'),
      monitor: await this.principal('Monitor', 'monitor'),
      monitor2: await this.principal('Monitor 2', 'monitor'),
      mediator: await this.principal('TR', 'mediator', 'TR'),
      qatar: await this.principal('QA', 'mediator', 'QA'),
      auditor: await this.principal('Auditor', 'auditor'),
      observer: await this.principal('Observer', 'observer'),
      admin: ADMIN_TOKEN,
    };
  }

  /** Registers a principal and returns its bearer token (see principalBody for `of`). */
  async principal(name: string, role: string, of?: string): Promise<string> {
    const reply = await this.post('/v1/principals', ADMIN_TOKEN, principalBody(name, role, of));
    if (reply.status !== 201) throw new Error(`principal ${name}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.token as string;
  }
}

/** A case that fails unless this file's API really runs on the EventStoreDB adapter. */
export const itRunsOnEventStoreDb = (): void => {
  it('runs on the EventStoreDB adapter (the stand-in reports the 24.10 model)', async () => {
    const api = await TestApi.start();
    try {
      const health = await api.get('/health');
      const version = process.env.EVENTSTORE_CONNECTION_STRING ? expect.any(String) : '24.10.0';
      expect(health.body.store).toMatchObject({
        kind: 'eventstoredb',
        serverVersion: version,
        skippedForeignEvents: 0,
      });
    } finally {
      await api.stop();
    }
  });
};
