/** Too many refused tokens from one address: 429 with Retry-After until its window ends. */
export class TooManyRefusedTokens extends Error {
  readonly code = 'TOO_MANY_REFUSED_TOKENS';
  constructor(readonly retryAfterSeconds: number) {
    super(`too many refused tokens from this address; retry after ${retryAfterSeconds} s`);
  }
}

/**
 * Guessing tokens is throttled: each client address may present so many unknown or refused tokens per
 * window; past that, every request with a token is answered 429 until the window ends. Valid tokens
 * presented within the allowance are not slowed.
 */
export class FailedTokenThrottle {
  private readonly failures = new Map<string, { count: number; windowEnds: number }>();

  constructor(
    private readonly allowance = 20,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Refuses a client that has used up its allowance, before its token is looked at. */
  check(client: string): void {
    const entry = this.failures.get(client);
    if (!entry) return;
    const now = this.now();
    if (now >= entry.windowEnds) {
      this.failures.delete(client);
      return;
    }
    if (entry.count >= this.allowance) throw new TooManyRefusedTokens(Math.ceil((entry.windowEnds - now) / 1000));
  }

  failed(client: string): void {
    const now = this.now();
    const entry = this.failures.get(client);
    if (!entry || now >= entry.windowEnds) {
      if (this.failures.size >= 100_000) this.failures.delete(this.failures.keys().next().value as string);
      this.failures.set(client, { count: 1, windowEnds: now + this.windowMs });
    } else entry.count += 1;
  }
}
