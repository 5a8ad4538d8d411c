import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '@ceasefire/mvm';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { RateLimitExceeded, WriteQuotaExceeded } from '../write-path/write-errors';
import { HEAVY_READ } from './heavy-read.decorator';
import { type RateLimit, RateLimitStore } from './rate-limit.store';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A bucket to take from, and the error when it is spent. */
interface Limit extends RateLimit {
  refuse: (retryAfterSeconds: number) => Error;
}

/**
 * Runs after the bearer guard. Writes count against the principal's quota (not the admin's, who registers
 * the others) and against the client address's; heavy reads against both as well. A request takes from all
 * its buckets or from none. The buckets are shared by every api process on DATA_DIR (RateLimitStore).
 * Each write carries the stream size limit into its WriteContext.
 */
@Injectable()
export class RequestLimitsGuard implements CanActivate, OnApplicationShutdown {
  /** Opened by the first request that counts: a process that never takes one (a worker) never opens the file. */
  private buckets?: RateLimitStore;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor; maxStreamEvents?: number }>();
    const actor = request.actor;
    const counted = actor && actor.role !== 'admin' ? actor : undefined;
    const { writes, reads } = this.config;
    if (READS.has(request.method)) {
      if (!this.reflector.getAllAndOverride<boolean>(HEAVY_READ, [context.getHandler(), context.getClass()]))
        return true;
      this.take([
        byAddress('heavy reads', request.ip, reads.heavyPerAddressPerMinute),
        ...(counted ? [byPrincipal('heavy reads', counted, reads.heavyPerPrincipalPerMinute)] : []),
      ]);
      return true;
    }
    request.maxStreamEvents = writes.maxStreamEvents;
    if (!counted) return true;
    this.take([
      byAddress('writes', request.ip, writes.perAddressPerMinute),
      {
        key: `writes:principal:${counted.principalId}`,
        perMinute: writes.perPrincipalPerMinute,
        refuse: (wait) => new WriteQuotaExceeded(writes.perPrincipalPerMinute, wait),
      },
    ]);
    return true;
  }

  onApplicationShutdown(): void {
    this.buckets?.close();
  }

  private take(limits: Limit[]): void {
    this.buckets ??= new RateLimitStore(this.config.dataDir);
    const refusal = this.buckets.take(limits);
    if (refusal) throw limits[refusal.index].refuse(refusal.retryAfterSeconds);
  }
}

const byAddress = (what: string, ip: string, perMinute: number): Limit => ({
  key: `${what}:address:${ip}`,
  perMinute,
  refuse: (wait) => new RateLimitExceeded('this client address', what, perMinute, wait),
});

const byPrincipal = (what: string, actor: Actor, perMinute: number): Limit => ({
  key: `${what}:principal:${actor.principalId}`,
  perMinute,
  refuse: (wait) => new RateLimitExceeded('this principal', what, perMinute, wait),
});
