import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { WebhookSecretBox } from './webhook-secret-box';
import { type Webhook, WebhookStore } from './webhook-store';

const box = new WebhookSecretBox(randomBytes(32));

const aWebhook = (id: string, secret = 's'): Webhook => ({
  id,
  url: 'https://example.org/hook',
  types: null,
  filter: {},
  description: null,
  owner: 'p1',
  secret,
  previousSecret: null,
  previousUntil: null,
  enabled: true,
  createdAt: '2025-11-01T00:00:00.000Z',
  cursor: '',
  attempts: 0,
  nextAttemptAt: 0,
});

describe('webhook secrets at rest', () => {
  const SECRET = 'whsec_' + 'k'.repeat(40);

  it('are sealed in the file and opened for the dispatcher, by any process with the same credential key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'webhooks-'));
    const key = randomBytes(32);
    const store = new WebhookStore(dir, new WebhookSecretBox(key));
    store.insert({ ...aWebhook('w1', SECRET), previousSecret: `${SECRET}-old`, previousUntil: '2030-01-01T00:00:00Z' });
    store.close();
    const raw = Buffer.concat(
      readdirSync(dir)
        .filter((f) => f.startsWith('webhooks.sqlite'))
        .map((f) => readFileSync(join(dir, f))),
    );
    expect(raw.includes(Buffer.from('k'.repeat(40)))).toBe(false);
    const other = new WebhookStore(dir, new WebhookSecretBox(key));
    expect(other.get('w1')).toMatchObject({ secret: SECRET, previousSecret: `${SECRET}-old` });
    other.close();
    expect(() => new WebhookStore(dir, new WebhookSecretBox(randomBytes(32))).get('w1')).toThrow();
  });

  it('kept in clear by an older version are sealed at the next start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'webhooks-'));
    new WebhookStore(dir, box).close();
    const db = new Database(join(dir, 'webhooks.sqlite'));
    db.prepare(
      `INSERT INTO webhooks VALUES ('w1', 'https://example.org/hook', NULL, '{}', NULL, 'p1', ?, NULL, NULL, 1,
        '2025-11-01T00:00:00.000Z', '', 0, 0)`,
    ).run(SECRET);
    db.close();
    const store = new WebhookStore(dir, box);
    expect(store.get('w1')!.secret).toBe(SECRET);
    store.close();
    const stored = new Database(join(dir, 'webhooks.sqlite')).prepare('SELECT secret FROM webhooks').get() as {
      secret: string;
    };
    expect(stored.secret).toMatch(/^aes256gcm:/);
  });
});

describe('the webhook store', () => {
  it('keeps only the newest deliveries of each webhook', () => {
    const store = new WebhookStore(mkdtempSync(join(tmpdir(), 'webhooks-')), box, 3);
    const hook = (id: string) => aWebhook(id);
    store.insert(hook('w1'));
    store.insert(hook('w2'));
    const attempt = (webhookId: string, n: number) =>
      store.record(
        {
          webhookId,
          position: String(n).padStart(20, '0'),
          eventId: `e${n}`,
          attempt: 1,
          status: 'delivered',
          code: 200,
          latencyMs: 1,
          error: null,
          at: '2025-11-01T00:00:00.000Z',
        },
        { cursor: String(n).padStart(20, '0'), attempts: 0, nextAttemptAt: 0 },
      );
    for (let n = 1; n <= 10; n++) attempt('w1', n);
    attempt('w2', 99);
    expect(store.deliveries('w1', undefined, { limit: 100 }).map((d) => d.eventId)).toEqual(['e10', 'e9', 'e8']);
    expect(store.deliveries('w2', undefined, { limit: 100 }).map((d) => d.eventId)).toEqual(['e99']);
  });
});
