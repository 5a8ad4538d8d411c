import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RateLimitStore } from './rate-limit.store';

describe('shared rate limits', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 0));

  it('allows a burst of perMinute requests, then refuses with the seconds until the next one', () => {
    const limits = new RateLimitStore(':memory:', clock);
    const p = [{ key: 'p', perMinute: 60 }];
    for (let i = 0; i < 60; i++) expect(limits.take(p)).toBeUndefined();
    expect(limits.take(p)).toEqual({ index: 0, retryAfterSeconds: 1 });
    now += 1000;
    expect(limits.take(p)).toBeUndefined();
    expect(limits.take(p)).toEqual({ index: 0, retryAfterSeconds: 1 });
  });

  it('keeps one bucket per key', () => {
    const limits = new RateLimitStore(':memory:', clock);
    const [a, b] = [[{ key: 'a', perMinute: 2 }], [{ key: 'b', perMinute: 2 }]];
    expect([limits.take(a), limits.take(a), limits.take(b)]).toEqual([undefined, undefined, undefined]);
    expect(limits.take(a)).toEqual({ index: 0, retryAfterSeconds: 30 });
  });

  it('takes from every bucket of a request or from none', () => {
    const limits = new RateLimitStore(':memory:', clock);
    const address = { key: 'address', perMinute: 3 };
    const principal = { key: 'principal', perMinute: 1 };
    expect(limits.take([address, principal])).toBeUndefined();
    expect(limits.take([address, principal])).toEqual({ index: 1, retryAfterSeconds: 60 });
    // The refused request took nothing from the address's bucket: two are left.
    expect(limits.take([address])).toBeUndefined();
    expect(limits.take([address])).toBeUndefined();
    expect(limits.take([address])).toEqual({ index: 0, retryAfterSeconds: 20 });
  });

  it('is off at 0, and the index of a refusal names the limit asked for', () => {
    const limits = new RateLimitStore(':memory:', clock);
    for (let i = 0; i < 1000; i++) expect(limits.take([{ key: 'p', perMinute: 0 }])).toBeUndefined();
    const off = { key: 'off', perMinute: 0 };
    const one = { key: 'one', perMinute: 1 };
    limits.take([off, one]);
    expect(limits.take([off, one])?.index).toBe(1);
  });

  it('counts every process on one DATA_DIR against the same buckets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rate-limits-'));
    try {
      const [first, second] = [new RateLimitStore(dir, clock), new RateLimitStore(dir, clock)];
      const p = [{ key: 'writes:principal:p', perMinute: 4 }];
      const outcomes = Array.from({ length: 6 }, (_, i) => (i % 2 ? first : second).take(p));
      expect(outcomes.filter((o) => o === undefined)).toHaveLength(4);
      first.close();
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
