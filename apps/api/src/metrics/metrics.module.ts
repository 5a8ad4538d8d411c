import { type DynamicModule, Global, Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { FeedHub } from '../feeds/feed-hub';
import { FeedsModule } from '../feeds/feeds.module';
import { SseConnections } from '../feeds/sse-connections';
import { DUTY_LEASES, type DutyLeases } from '../leases/duty-leases';
import { CheckpointSigner } from '../ledger/checkpoint-signer';
import { LedgerModule } from '../ledger/ledger.module';
import { WEBHOOK_STORE } from '../webhooks/webhook-dispatcher';
import type { WebhookStore } from '../webhooks/webhook-store';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { LEDGER_METRICS, type LedgerMetrics } from './ledger-metrics';
import { MetricsHttpController } from './metrics.http.controller';

/** A webhook's queue is counted up to this many events: enough to alert on, cheap to read at every scrape. */
const QUEUE_COUNTED_UP_TO = 10_000;

/** The gauges read at scrape time, from the parts of the app that know them. */
@Injectable()
class ScrapedGauges implements OnModuleInit {
  constructor(
    @Inject(LEDGER_METRICS) private readonly metrics: LedgerMetrics,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(DUTY_LEASES) private readonly leases: DutyLeases,
    @Inject(WEBHOOK_STORE) private readonly webhooks: WebhookStore,
    private readonly checkpoints: CheckpointSigner,
    private readonly sse: SseConnections,
    private readonly hub: FeedHub,
  ) {}

  onModuleInit(): void {
    const m = this.metrics;
    let projections: Awaited<ReturnType<ProjectionRunner['health']>> = [];
    // A threaded runner answers for its thread asynchronously; gauges are read synchronously.
    m.refreshBeforeScrape(async () => {
      projections = await this.runner.health();
    });
    m.gauge(
      'ledger_projection_lag_events',
      'Events of the log a read model has not applied yet.',
      ['projection'],
      (set) => {
        for (const p of projections) if (p.lag !== undefined) set({ projection: p.projection }, p.lag);
      },
    );
    m.gauge('ledger_projection_parked', '1 while a read model is parked on an error.', ['projection'], (set) => {
      for (const p of projections) set({ projection: p.projection }, p.parked ? 1 : 0);
    });
    m.gauge('ledger_checkpoint_size', 'Tree size of the latest signed checkpoint.', [], (set) =>
      set({}, this.checkpoints.latest()?.size ?? 0),
    );
    m.gauge('ledger_checkpoint_age_seconds', 'Seconds since the latest checkpoint was signed.', [], (set) => {
      const latest = this.checkpoints.latest();
      if (latest) set({}, (Date.now() - Date.parse(latest.signedAt)) / 1000);
    });
    m.gauge('ledger_sse_clients', 'Open SSE streams.', [], (set) => set({}, this.sse.count));
    m.gauge('ledger_webhooks', 'Registered webhooks, by whether they are enabled.', ['enabled'], (set) => {
      const all = this.webhooks.all();
      set({ enabled: 'true' }, all.filter((w) => w.enabled).length);
      set({ enabled: 'false' }, all.filter((w) => !w.enabled).length);
    });
    m.gauge(
      'ledger_webhook_queue_depth',
      `Breach events waiting for delivery, summed over the webhooks (each counted up to ${QUEUE_COUNTED_UP_TO}).`,
      [],
      (set) =>
        set(
          {},
          this.webhooks
            .all()
            .filter((w) => w.enabled)
            .reduce((sum, w) => sum + this.hub.breachesAfter(w.cursor, QUEUE_COUNTED_UP_TO).length, 0),
        ),
    );
    m.gauge(
      'ledger_lease_held',
      'Single-writer duties: 1 where this process holds the lease, 0 where another does.',
      ['duty', 'holder'],
      (set) => {
        for (const l of this.leases.holders())
          if (l.expiresAt > Date.now()) set({ duty: l.duty, holder: l.holder }, l.mine ? 1 : 0);
      },
    );
  }
}

/** GET /metrics, and the process's metrics for every module that counts something (webhook deliveries). */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(metrics: LedgerMetrics): DynamicModule {
    return {
      module: MetricsModule,
      imports: [FeedsModule, LedgerModule, WebhooksModule],
      controllers: [MetricsHttpController],
      providers: [{ provide: LEDGER_METRICS, useValue: metrics }, ScrapedGauges],
      exports: [LEDGER_METRICS],
    };
  }
}
