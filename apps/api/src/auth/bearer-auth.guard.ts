import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '@ceasefire/mvm';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
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
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reflector: Reflector,
  ) {}

  private readonly throttle = new FailedTokenThrottle();
  /**
   * Tokens already looked up, with what the principals read model said, kept while that read model has
   * applied no new event (a registration, suspension, revocation or rotation clears it). Saves every
   * request a MAC, a hash and a read of the read-model database.
   */
  private readonly known = new Map<string, ReturnType<typeof principalByToken>>();
  private knownAt = -1;

  async canActivate(context: ExecutionContext): Promise<boolean> {
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
    const found = this.lookUp(match[1]) ?? (await this.lookUpOnceCaughtUp(match[1]));
    if (!found) return refuse('unknown token');
    if (found.status !== 'ACTIVE') return refuse(`this principal is ${found.status.toLowerCase()}`);
    request.actor = found.actor;
    return true;
  }

  /**
   * A token registered through another API process may be in the log but not yet in this process's read
   * model: an unknown token is looked up again once the principals read model has reached the log's head
   * (at once when it is there already, so guessing costs no wait).
   */
  private async lookUpOnceCaughtUp(token: string): Promise<ReturnType<typeof principalByToken>> {
    const head = await this.store.headPosition();
    if (!head) return undefined;
    const caughtUp = await this.runner
      .waitFor(head, { projections: ['principals'], timeoutMs: 2000 })
      .then(() => true)
      .catch(() => false);
    return caughtUp ? this.lookUp(token) : undefined;
  }

  private lookUp(token: string): ReturnType<typeof principalByToken> {
    const applied = this.runner.appliedEvents('principals');
    if (applied !== this.knownAt) {
      this.known.clear();
      this.knownAt = applied;
    }
    if (this.known.has(token)) return this.known.get(token);
    const found =
      sha256Hex(token) === this.adminHash
        ? { actor: { principalId: 'admin', role: 'admin' as const }, status: 'ACTIVE' as const }
        : principalByToken(this.runner, verifiersOf(this.credentialKey, token));
    // Unknown tokens are not kept: guessing must not fill memory. Known ones are few.
    if (found) {
      if (this.known.size >= 10_000) this.known.clear();
      this.known.set(token, found);
    }
    return found;
  }
}
