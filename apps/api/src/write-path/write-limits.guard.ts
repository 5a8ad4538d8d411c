import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@ceasefire/mvm';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { WriteQuotaExceeded } from './write-errors';
import { WriteQuota } from './write-quota';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs after the bearer guard: a principal's writes are counted against its quota (the admin, who
 * registers the others, is not), and each write carries the stream size limit into its WriteContext.
 */
@Injectable()
export class WriteLimitsGuard implements CanActivate {
  private readonly quota: WriteQuota;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.quota = new WriteQuota(config.writes.perPrincipalPerMinute);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor; maxStreamEvents?: number }>();
    if (READS.has(request.method)) return true;
    request.maxStreamEvents = this.config.writes.maxStreamEvents;
    const actor = request.actor;
    if (!actor || actor.role === 'admin') return true;
    const wait = this.quota.take(actor.principalId);
    if (wait > 0) throw new WriteQuotaExceeded(this.quota.perMinute, wait);
    return true;
  }
}
