/**
 * Writes per principal, as token buckets: each principal may write `perMinute` times in a burst, and
 * regains one write every 60/perMinute seconds. Buckets of principals idle long enough to be full are
 * forgotten, so memory follows the principals writing now.
 */
export class WriteQuota {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one write from the principal's bucket; the seconds to wait when it is empty, else 0. */
  take(principalId: string): number {
    if (this.perMinute === 0) return 0;
    const now = this.now();
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(principalId) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * ratePerMs);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(principalId, bucket);
      return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000));
    }
    bucket.tokens -= 1;
    this.buckets.set(principalId, bucket);
    if (this.buckets.size > 100_000) this.forgetFull(now, ratePerMs);
    return 0;
  }

  private forgetFull(now: number, ratePerMs: number): void {
    for (const [id, b] of this.buckets)
      if (b.tokens + (now - b.at) * ratePerMs >= this.perMinute) this.buckets.delete(id);
  }
}
