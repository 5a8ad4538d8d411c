import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import type { FastifyRequest } from 'fastify';
import { sha256Hex } from './admin-token';
import { FailedTokenThrottle } from './failed-token-throttle';
import { PUBLIC_ROUTE } from './public.decorator';
import { principalByToken } from './principals.queries';
import { CREDENTIAL_KEY, verifiersOf } from './credential-key';

export const ADMIN_TOKEN_HASH = Symbol('ADMIN_TOKEN_HASH');

/** Every route but those marked @Public needs `Authorization: Bearer <token>`; the actor rides on the request. */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    @Inject(ADMIN_TOKEN_HASH) private readonly adminHash: string,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(CREDENTIAL_KEY) private readonly credentialKey: Buffer,
    private readonly reflector: Reflector,
  ) {}

  private readonly throttle = new FailedTokenThrottle();

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    this.throttle.check(request.ip);
    const refuse = (message: string): never => {
      this.throttle.failed(request.ip);
      throw new UnauthorizedException(message);
    };
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]{16,200})$/.exec(header) : null;
    if (!match) return refuse('send Authorization: Bearer <token>');
    const hash = sha256Hex(match[1]);
    if (hash === this.adminHash) {
      request.actor = { principalId: 'admin', role: 'admin' };
      return true;
    }
    const found = principalByToken(this.runner, verifiersOf(this.credentialKey, match[1]));
    if (!found) return refuse('unknown token');
    if (found.status !== 'ACTIVE') return refuse(`this principal is ${found.status.toLowerCase()}`);
    request.actor = found.actor;
    return true;
  }
}
