import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '@ceasefire/mvm';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { RateLimitExceeded, WriteQuotaExceeded } from '../write-path/write-errors';
import { WriteQuota } from '../write-path/write-quota';
import { HEAVY_READ } from './heavy-read.decorator';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs after the bearer guard. Writes count against the principal's quota (not the admin's, who registers
 * the others) and against the client address's; heavy reads against both as well. Each write carries the
 * stream size limit into its WriteContext. Each process counts its own requests: behind N api processes a
 * client may make up to N times the rate.
 */
@Injectable()
export class RequestLimitsGuard implements CanActivate {
  private readonly writesByPrincipal: WriteQuota;
  private readonly writesByAddress: WriteQuota;
  private readonly heavyReadsByPrincipal: WriteQuota;
  private readonly heavyReadsByAddress: WriteQuota;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reflector: Reflector,
  ) {
    const { writes, reads } = config;
    this.writesByPrincipal = new WriteQuota(writes.perPrincipalPerMinute);
    this.writesByAddress = new WriteQuota(writes.perAddressPerMinute);
    this.heavyReadsByPrincipal = new WriteQuota(reads.heavyPerPrincipalPerMinute);
    this.heavyReadsByAddress = new WriteQuota(reads.heavyPerAddressPerMinute);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor; maxStreamEvents?: number }>();
    const actor = request.actor;
    if (READS.has(request.method)) {
      if (!this.reflector.getAllAndOverride<boolean>(HEAVY_READ, [context.getHandler(), context.getClass()]))
        return true;
      this.take(this.heavyReadsByAddress, `address:${request.ip}`, 'this client address', 'heavy reads');
      if (actor && actor.role !== 'admin')
        this.take(this.heavyReadsByPrincipal, actor.principalId, 'this principal', 'heavy reads');
      return true;
    }
    request.maxStreamEvents = this.config.writes.maxStreamEvents;
    if (!actor || actor.role === 'admin') return true;
    this.take(this.writesByAddress, `address:${request.ip}`, 'this client address', 'writes');
    const wait = this.writesByPrincipal.take(actor.principalId);
    if (wait > 0) throw new WriteQuotaExceeded(this.writesByPrincipal.perMinute, wait);
    return true;
  }

  private take(quota: WriteQuota, key: string, who: string, what: string): void {
    const wait = quota.take(key);
    if (wait > 0) throw new RateLimitExceeded(who, what, quota.perMinute, wait);
  }
}
