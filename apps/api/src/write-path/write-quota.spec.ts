import { WriteQuota } from './write-quota';

describe('write quota', () => {
  it('allows a burst of perMinute writes, then refuses with the seconds until the next one', () => {
    let now = 0;
    const quota = new WriteQuota(60, () => now);
    for (let i = 0; i < 60; i++) expect(quota.take('p')).toBe(0);
    expect(quota.take('p')).toBe(1);
    now += 1000;
    expect(quota.take('p')).toBe(0);
    expect(quota.take('p')).toBe(1);
  });

  it('keeps one bucket per principal', () => {
    const quota = new WriteQuota(2, () => 0);
    expect([quota.take('a'), quota.take('a'), quota.take('b')]).toEqual([0, 0, 0]);
    expect(quota.take('a')).toBe(30);
  });

  it('is off at 0', () => {
    const quota = new WriteQuota(0, () => 0);
    for (let i = 0; i < 1000; i++) expect(quota.take('p')).toBe(0);
  });
});
