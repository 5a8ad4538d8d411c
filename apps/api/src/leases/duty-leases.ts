import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { LeaseGrant, LeaseStore } from './lease.store';

/** The duties only one process may carry out at a time. */
export const DUTIES = ['checkpoint-signer', 'deadline-scheduler', 'webhook-dispatcher'] as const;
export type Duty = (typeof DUTIES)[number];

export const DUTY_LEASES = Symbol('DUTY_LEASES');

export interface DutyLeasesOptions {
  /** Whether this process seeks the duties at all (ROLE=all or worker); an api process never holds one. */
  seeks: boolean;
  ttlMs: number;
}

/**
 * This process's hold on each duty. It claims every duty at start and renews every third of the lease's
 * life; a duty counts as held only while a fifth of its life is left, so a process paused past its lease
 * (a long GC, a stopped container) finds it no longer holds the duty before acting, and does nothing.
 */
export class DutyLeases {
  readonly holder = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly logger = new Logger('DutyLeases');
  private readonly grants = new Map<Duty, LeaseGrant>();
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly store: LeaseStore,
    private readonly options: DutyLeasesOptions,
  ) {}

  start(): void {
    if (!this.options.seeks) return;
    this.renew();
    this.timer = setInterval(() => this.renew(), Math.max(50, Math.floor(this.options.ttlMs / 3)));
    this.timer.unref();
  }

  holds(duty: Duty, now = Date.now()): boolean {
    const grant = this.grants.get(duty);
    return grant !== undefined && grant.expiresAt - this.options.ttlMs / 5 > now;
  }

  /** The lease's term while held: grows at each change of holder. */
  term(duty: Duty): number | undefined {
    return this.holds(duty) ? this.grants.get(duty)!.term : undefined;
  }

  /** Every duty's holder as the shared store records it (metrics, health). */
  holders(): { duty: string; holder: string; expiresAt: number; term: number; mine: boolean }[] {
    return this.store.all().map((l) => ({ ...l, mine: l.holder === this.holder }));
  }

  private renew(): void {
    if (this.stopped) return;
    for (const duty of DUTIES) {
      const had = this.holds(duty);
      try {
        const grant = this.store.claim(duty, this.holder, this.options.ttlMs);
        if (grant) this.grants.set(duty, grant);
        else this.grants.delete(duty);
      } catch (error) {
        // The lease file is busy or failing: act as if the lease were lost until a renewal succeeds.
        this.grants.delete(duty);
        this.logger.warn(`could not renew the ${duty} lease: ${(error as Error).message}`);
      }
      const has = this.holds(duty);
      if (has !== had)
        this.logger.log(has ? `now holds ${duty} (term ${this.grants.get(duty)!.term})` : `no longer holds ${duty}`);
    }
  }

  /** Gives every held duty up at once, so a successor need not wait for the leases to expire. */
  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    for (const duty of this.grants.keys()) this.store.release(duty, this.holder);
    this.grants.clear();
    this.store.close();
  }
}
