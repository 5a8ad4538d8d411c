import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { activePrincipal } from '../auth/principals.queries';
import { breachFeedItem, feedJudge } from '../confidential/feed-visibility';
import { breachMatcher } from '../feeds/breach-filter';
import { type BreachRow, FeedHub } from '../feeds/feed-hub';
import { postWebhook } from './webhook-delivery';
import { signWebhook } from './webhook-signature';
import type { Webhook, WebhookStore } from './webhook-store';
import type { AppConfig } from '../config/app.config';
import { DUTY_LEASES, type DutyLeases } from '../leases/duty-leases';
import { LEDGER_METRICS, type LedgerMetrics } from '../metrics/ledger-metrics';

export const WEBHOOK_STORE = Symbol('WEBHOOK_STORE');
export const WEBHOOK_SETTINGS = Symbol('WEBHOOK_SETTINGS');

export type WebhookSettings = AppConfig['webhooks'];

/** ±20% around each step of the schedule, so receivers recovering from an outage are not hit all at once. */
const withJitter = (ms: number) => Math.round(ms * (0.8 + Math.random() * 0.4));

/**
 * One delivery loop per webhook, in the webhook's own order: the next event waits until the current one is
 * delivered or dead-lettered. The loop's state lives in the WebhookStore, so a restart resumes where it
 * stopped; a repeat after a crash is the same event with the same webhook-id. Only the process holding the
 * webhook-dispatcher lease delivers; it looks for webhooks registered through other processes every second.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookDispatcher');
  private readonly wakers = new Map<string, () => void>();
  private readonly loops = new Map<string, Promise<void>>();
  private stopped = false;
  private subscription?: Subscription;
  private rescanTimer?: NodeJS.Timeout;

  constructor(
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    private readonly hub: FeedHub,
    @Inject(DUTY_LEASES) private readonly leases: DutyLeases,
    @Inject(LEDGER_METRICS) private readonly metrics: LedgerMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.hub.breaches$.subscribe(() => this.wakeAll());
    this.rescan();
    this.rescanTimer = setInterval(() => this.rescan(), 1000);
  }

  /** Finishes (and records) any attempt under way before the lease is given up, so no successor repeats it. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.rescanTimer);
    this.subscription?.unsubscribe();
    this.wakeAll();
    await Promise.allSettled([...this.loops.values()]);
  }

  onApplicationShutdown(): void {
    this.store.close();
  }

  private delivers(): boolean {
    return !this.stopped && this.leases.holds('webhook-dispatcher');
  }

  private rescan(): void {
    if (!this.delivers()) return;
    try {
      for (const w of this.store.all()) if (!this.loops.has(w.id)) this.start(w.id);
    } catch (error) {
      this.logger.warn(`could not read the webhooks: ${(error as Error).message}`);
    }
  }

  /** Starts the loop of a new webhook, or wakes an existing one after a change; elsewhere than in the lease holder, nothing. */
  start(id: string): void {
    if (this.loops.has(id)) return this.wake(id);
    if (!this.delivers()) return;
    this.wakers.set(id, () => undefined);
    const loop = this.run(id)
      .catch((error: Error) => this.logger.error(`webhook ${id} stopped: ${error.message}`))
      .finally(() => {
        this.loops.delete(id);
        this.wakers.delete(id);
      });
    this.loops.set(id, loop);
  }

  wake(id: string): void {
    this.wakers.get(id)?.();
  }

  private wakeAll(): void {
    for (const wake of this.wakers.values()) wake();
  }

  private sleep(id: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const wakers = this.wakers;
      function done() {
        clearTimeout(timer);
        if (wakers.get(id) === done) wakers.set(id, () => undefined);
        resolve();
      }
      this.wakers.set(id, done);
    });
  }

  private async run(id: string): Promise<void> {
    while (this.delivers()) {
      const w = this.store.get(id);
      if (!w) break;
      if (!w.enabled) {
        await this.sleep(id, 60_000);
        continue;
      }
      const row = this.nextFor(w);
      if (!row) {
        await this.sleep(id, 5_000);
        continue;
      }
      const wait = w.nextAttemptAt - Date.now();
      if (wait > 0) {
        await this.sleep(id, wait);
        continue;
      }
      await this.attempt(w, row);
    }
  }

  /** The first breach-feed row after the cursor this webhook wants; rows it does not want are skipped for good. */
  private nextFor(w: Webhook): BreachRow | undefined {
    const matches = breachMatcher({ ...w.filter, types: w.types });
    // A webhook receives what its owner may read, no more; an owner suspended or revoked receives nothing.
    const owner = activePrincipal(this.runner, w.owner);
    const mayReceive = owner ? feedJudge(this.runner, owner) : () => false;
    const wants = (row: BreachRow) => matches(row) && mayReceive(breachFeedItem(row));
    let cursor = w.cursor;
    for (;;) {
      const rows = this.hub.breachesAfter(cursor, 8);
      const wanted = rows.find(wants);
      if (wanted) return wanted;
      if (rows.length === 0) return undefined;
      cursor = rows[rows.length - 1].position;
      if (w.attempts === 0) this.store.advance(w.id, cursor);
    }
  }

  private async attempt(w: Webhook, row: BreachRow): Promise<void> {
    const body = this.hub.withLedgerIndex(row.cloud_event, row.event_id);
    const timestamp = Math.floor(Date.now() / 1000);
    const secrets = [w.secret];
    if (w.previousSecret && w.previousUntil && Date.parse(w.previousUntil) > Date.now()) secrets.push(w.previousSecret);
    const result = await postWebhook(
      w.url,
      {
        'content-type': 'application/cloudevents+json; charset=utf-8',
        'webhook-id': row.event_id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': secrets.map((s) => signWebhook(s, row.event_id, timestamp, body)).join(' '),
        'user-agent': 'ceasefire-ledger-webhooks/1',
      },
      body,
      { timeoutMs: this.settings.timeoutMs, allowPrivate: this.settings.allowPrivateTargets },
    );
    const attempt = w.attempts + 1;
    const dead = !result.ok && attempt > this.settings.retryScheduleMs.length;
    const status = result.ok ? 'delivered' : dead ? 'dead' : 'failed';
    this.metrics.webhookDeliveries.inc({ status });
    // A webhook deleted or replayed during the attempt keeps what that change set.
    const now = this.store.get(w.id);
    if (!now || now.cursor !== w.cursor) return;
    this.store.record(
      {
        webhookId: w.id,
        position: row.position,
        eventId: row.event_id,
        attempt,
        status,
        ...result,
        at: new Date().toISOString(),
      },
      result.ok || dead
        ? { cursor: row.position, attempts: 0, nextAttemptAt: 0 }
        : {
            cursor: w.cursor,
            attempts: attempt,
            nextAttemptAt: Date.now() + withJitter(this.settings.retryScheduleMs[attempt - 1]),
          },
    );
    if (dead) this.logger.warn(`webhook ${w.id}: event ${row.event_id} dead-lettered after ${attempt} attempts`);
  }
}
