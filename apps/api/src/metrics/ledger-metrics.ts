import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const LEDGER_METRICS = Symbol('LEDGER_METRICS');

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The process's Prometheus metrics, in a registry of its own (one per app, so tests running several apps in
 * one process do not mix their counts). What is counted as it happens lives here; what is read at scrape
 * time (lags, checkpoint, queue depth, SSE clients, leases) is added by MetricsModule.
 */
export class LedgerMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'ledger_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'ledger_http_request_duration_seconds',
    help: 'Time from request to response, by method, route template and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly appends = new Counter({
    name: 'ledger_appends_total',
    help: 'Appends to the event store, by outcome (ok, conflict, error).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly appendedEvents = new Counter({
    name: 'ledger_appended_events_total',
    help: 'Events written by successful appends.',
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'ledger_append_duration_seconds',
    help: 'Time of an append, from call to durable commit.',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly webhookDeliveries = new Counter({
    name: 'ledger_webhook_deliveries_total',
    help: 'Webhook delivery attempts, by outcome (delivered, failed, dead).',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  private readonly beforeScrape: (() => Promise<void>)[] = [];

  /** Work to finish before gauges are read (asking a projection thread for its progress, for instance). */
  refreshBeforeScrape(refresh: () => Promise<void>): void {
    this.beforeScrape.push(refresh);
  }

  /** The text Prometheus reads. */
  async scrape(): Promise<string> {
    await Promise.all(this.beforeScrape.map((refresh) => refresh().catch(() => undefined)));
    return this.registry.metrics();
  }

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'ledger_' });
  }

  /** A gauge whose value is read when Prometheus scrapes. */
  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    read: (set: (labels: Partial<Record<L, string>>, value: number) => void) => void,
  ): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      collect(this: Gauge<L>) {
        this.reset();
        read((labels, value) => this.set(labels, value));
      },
    });
  }
}
