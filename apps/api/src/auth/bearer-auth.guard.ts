import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import type { FastifyRequest } from 'fastify';
import { sha256Hex } from './admin-token';
import { PUBLIC_ROUTE } from './public.decorator';
import { principalByTokenHash } from './principals.queries';

export const ADMIN_TOKEN_HASH = Symbol('ADMIN_TOKEN_HASH');

/** Every route but those marked @Public needs `Authorization: Bearer <token>`; the actor rides on the request. */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    @Inject(ADMIN_TOKEN_HASH) private readonly adminHash: string,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]{16,200})$/.exec(header) : null;
    if (!match) throw new UnauthorizedException('send Authorization: Bearer <token>');
    const hash = sha256Hex(match[1]);
    if (hash === this.adminHash) {
      request.actor = { principalId: 'admin', role: 'admin' };
      return true;
    }
    request.actor = this.known.get(hash) ?? this.lookup(hash);
    return true;
  }

  /**
   * Principals are registered, never changed or revoked, so a token once found stays valid: keeping the
   * actor by token hash spares a query per request. Bounded; unknown tokens are never kept.
   */
  private readonly known = new Map<string, Actor>();

  private lookup(hash: string): Actor {
    const row = principalByTokenHash(this.runner, hash);
    if (!row) throw new UnauthorizedException('unknown token');
    const actor: Actor = { principalId: row.principal_id, role: row.role, ...(row.party ? { party: row.party } : {}) };
    if (this.known.size >= 10_000) this.known.delete(this.known.keys().next().value as string);
    this.known.set(hash, actor);
    return actor;
  }
}
