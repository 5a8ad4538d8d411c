import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebhookStore } from './webhook-store';

describe('the webhook store', () => {
  it('keeps only the newest deliveries of each webhook', () => {
    const store = new WebhookStore(mkdtempSync(join(tmpdir(), 'webhooks-')), 3);
    const hook = (id: string) => ({
      id,
      url: 'https://example.org/hook',
      types: null,
      filter: {},
      description: null,
      owner: 'p1',
      secret: 's',
      previousSecret: null,
      previousUntil: null,
      enabled: true,
      createdAt: '2025-11-01T00:00:00.000Z',
      cursor: '',
      attempts: 0,
      nextAttemptAt: 0,
    });
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
