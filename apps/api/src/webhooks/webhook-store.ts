import type Database from 'better-sqlite3';
import type { WebhookSecretBox } from './webhook-secret-box';
import { openDataDirDatabase } from '../shared/data-dir-database';

export interface WebhookFilter {
  agreement?: string;
  party?: string;
  minSeverity?: string;
}

export interface Webhook {
  id: string;
  url: string;
  /** Event types (e.g. BreachConfirmed); null: every breach event. */
  types: string[] | null;
  filter: WebhookFilter;
  description: string | null;
  owner: string;
  secret: string;
  /** After a rotation the old secret still signs until `previousUntil`, so receivers can switch over. */
  previousSecret: string | null;
  previousUntil: string | null;
  enabled: boolean;
  createdAt: string;
  /** Every breach-feed position up to this one is delivered or dead-lettered. */
  cursor: string;
  /** Failed attempts at the event after the cursor, and when to try it next (epoch ms). */
  attempts: number;
  nextAttemptAt: number;
}

export interface Delivery {
  webhookId: string;
  position: string;
  eventId: string;
  attempt: number;
  status: 'delivered' | 'failed' | 'dead';
  code: number | null;
  latencyMs: number;
  error: string | null;
  at: string;
}

type Row = Record<string, unknown>;

type Condition = [sql: string, params: (string | number)[]];

/** The WHERE clause of the conditions given (TRUE when none is), and their parameters in order. */
const conditions = (all: (Condition | undefined)[]) => {
  const given = all.filter((c): c is Condition => c !== undefined);
  return {
    sql: given.length ? given.map(([sql]) => sql).join(' AND ') : '1',
    params: given.flatMap(([, params]) => params),
  };
};

const toWebhook = (r: Row, box: WebhookSecretBox): Webhook => ({
  id: r.id as string,
  url: r.url as string,
  types: r.types ? (JSON.parse(r.types as string) as string[]) : null,
  filter: JSON.parse(r.filter as string) as WebhookFilter,
  description: (r.description as string | null) ?? null,
  owner: r.owner as string,
  secret: box.open(r.secret as string),
  previousSecret: r.previous_secret ? box.open(r.previous_secret as string) : null,
  previousUntil: (r.previous_until as string | null) ?? null,
  enabled: r.enabled === 1,
  createdAt: r.created_at as string,
  cursor: r.cursor as string,
  attempts: r.attempts as number,
  nextAttemptAt: r.next_attempt_at as number,
});

const toRow = (w: Webhook, box: WebhookSecretBox) => ({
  id: w.id,
  url: w.url,
  types: w.types ? JSON.stringify(w.types) : null,
  filter: JSON.stringify(w.filter),
  description: w.description,
  owner: w.owner,
  secret: box.seal(w.secret),
  previous_secret: w.previousSecret === null ? null : box.seal(w.previousSecret),
  previous_until: w.previousUntil,
  enabled: w.enabled ? 1 : 0,
  created_at: w.createdAt,
  cursor: w.cursor,
  attempts: w.attempts,
  next_attempt_at: w.nextAttemptAt,
});

/**
 * Webhook registrations and their delivery state, in their own SQLite file: they are configuration and
 * secrets, not part of the public record, and cannot be rebuilt from it. A delivery's outcome and the
 * cursor move in one transaction, so after a crash the next attempt is at most the same event again.
 * Every process on the DATA_DIR shares the file; secrets in it are sealed (see WebhookSecretBox).
 */
export class WebhookStore {
  private readonly db: Database.Database;

  constructor(
    dataDir: string,
    private readonly box: WebhookSecretBox,
    private readonly deliveriesKept = 1000,
  ) {
    // Survives a process crash as it is; a power cut may forget the last few outcomes, which only means
    // redelivering those events with the same webhook-id, which the at-least-once contract allows.
    this.db = openDataDirDatabase(dataDir, 'webhooks.sqlite', 'NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS webhooks (id TEXT PRIMARY KEY, url TEXT NOT NULL, types TEXT, filter TEXT NOT NULL,
        description TEXT, owner TEXT NOT NULL, secret TEXT NOT NULL, previous_secret TEXT, previous_until TEXT,
        enabled INTEGER NOT NULL, created_at TEXT NOT NULL, cursor TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS deliveries (seq INTEGER PRIMARY KEY AUTOINCREMENT, webhook_id TEXT NOT NULL,
        position TEXT NOT NULL, event_id TEXT NOT NULL, attempt INTEGER NOT NULL, status TEXT NOT NULL, code INTEGER,
        latency_ms INTEGER NOT NULL, error TEXT, at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS deliveries_by_webhook ON deliveries (webhook_id, seq);`);
    this.sealSecretsKeptInClear();
  }

  /** Files written before secrets were sealed keep them in clear; they are sealed once, at the first start after. */
  private sealSecretsKeptInClear(): void {
    const rows = this.db.prepare('SELECT id, secret, previous_secret FROM webhooks').all() as Row[];
    const update = this.db.prepare('UPDATE webhooks SET secret = ?, previous_secret = ? WHERE id = ?');
    this.db
      .transaction(() => {
        for (const r of rows) {
          const secret = r.secret as string;
          const previous = r.previous_secret as string | null;
          if (this.box.isSealed(secret) && (previous === null || this.box.isSealed(previous))) continue;
          update.run(
            this.box.isSealed(secret) ? secret : this.box.seal(secret),
            previous === null || this.box.isSealed(previous) ? previous : this.box.seal(previous),
            r.id,
          );
        }
      })
      .immediate();
  }

  close(): void {
    this.db.close();
  }

  insert(w: Webhook): void {
    this.db
      .prepare(
        `INSERT INTO webhooks VALUES (@id, @url, @types, @filter, @description, @owner, @secret, @previous_secret,
          @previous_until, @enabled, @created_at, @cursor, @attempts, @next_attempt_at)`,
      )
      .run(toRow(w, this.box));
  }

  /** Changes the registration, never the delivery state (which the dispatcher may be moving meanwhile). */
  updateSettings(w: Webhook): void {
    this.db
      .prepare(
        `UPDATE webhooks SET url = @url, types = @types, filter = @filter, description = @description, secret = @secret,
          previous_secret = @previous_secret, previous_until = @previous_until, enabled = @enabled WHERE id = @id`,
      )
      .run(toRow(w, this.box));
  }

  get(id: string): Webhook | undefined {
    const row = this.db.prepare('SELECT * FROM webhooks WHERE id = ?').get(id) as Row | undefined;
    return row && toWebhook(row, this.box);
  }

  /** How many webhooks a principal owns. */
  countOwnedBy(owner: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM webhooks WHERE owner = ?').get(owner) as { n: number }).n;
  }

  /** Every webhook, for the dispatcher. */
  all(): Webhook[] {
    return (this.db.prepare('SELECT * FROM webhooks ORDER BY created_at, id').all() as Row[]).map((r) =>
      toWebhook(r, this.box),
    );
  }

  /** A page in creation order, after the (created_at, id) of the page before; of one owner if given. */
  list(owner: string | undefined, page: { after?: [string, string]; limit: number }): Webhook[] {
    const { sql, params } = conditions([
      owner ? ['owner = ?', [owner]] : undefined,
      page.after ? ['(created_at, id) > (?, ?)', page.after] : undefined,
    ]);
    const rows = this.db
      .prepare(`SELECT * FROM webhooks WHERE ${sql} ORDER BY created_at, id LIMIT ?`)
      .all(...params, page.limit) as Row[];
    return rows.map((r) => toWebhook(r, this.box));
  }

  delete(id: string): boolean {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM deliveries WHERE webhook_id = ?').run(id);
      return this.db.prepare('DELETE FROM webhooks WHERE id = ?').run(id).changes > 0;
    })();
  }

  /** Records an attempt and moves the delivery state with it, atomically. */
  record(d: Delivery, next: Pick<Webhook, 'cursor' | 'attempts' | 'nextAttemptAt'>): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO deliveries (webhook_id, position, event_id, attempt, status, code, latency_ms, error, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(d.webhookId, d.position, d.eventId, d.attempt, d.status, d.code, d.latencyMs, d.error, d.at);
      // Only the newest attempts are kept: the log of one webhook stays bounded however long it runs.
      this.db
        .prepare(
          `DELETE FROM deliveries WHERE webhook_id = ? AND seq <= (
             SELECT seq FROM deliveries WHERE webhook_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)`,
        )
        .run(d.webhookId, d.webhookId, this.deliveriesKept);
      this.db
        .prepare('UPDATE webhooks SET cursor = ?, attempts = ?, next_attempt_at = ? WHERE id = ?')
        .run(next.cursor, next.attempts, next.nextAttemptAt, d.webhookId);
    })();
  }

  /** Skips past breach-feed rows this webhook does not want, so they are not looked at again. */
  advance(id: string, cursor: string): void {
    this.db
      .prepare('UPDATE webhooks SET cursor = ? WHERE id = ? AND attempts = 0 AND cursor < ?')
      .run(cursor, id, cursor);
  }

  replayFrom(id: string, cursor: string): void {
    this.db.prepare('UPDATE webhooks SET cursor = ?, attempts = 0, next_attempt_at = 0 WHERE id = ?').run(cursor, id);
  }

  /** Attempts newest first, a page before the sequence number `before` (the last of the page before). */
  deliveries(
    id: string,
    status: string | undefined,
    page: { before?: number; limit: number },
  ): (Delivery & { seq: number })[] {
    const { sql, params } = conditions([
      ['webhook_id = ?', [id]],
      status ? ['status = ?', [status]] : undefined,
      page.before !== undefined ? ['seq < ?', [page.before]] : undefined,
    ]);
    const rows = this.db
      .prepare(`SELECT * FROM deliveries WHERE ${sql} ORDER BY seq DESC LIMIT ?`)
      .all(...params, page.limit) as Row[];
    return rows.map((r) => ({
      seq: r.seq as number,
      webhookId: r.webhook_id as string,
      position: r.position as string,
      eventId: r.event_id as string,
      attempt: r.attempt as number,
      status: r.status as Delivery['status'],
      code: (r.code as number | null) ?? null,
      latencyMs: r.latency_ms as number,
      error: (r.error as string | null) ?? null,
      at: r.at as string,
    }));
  }
}
