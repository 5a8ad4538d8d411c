import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, map, mergeMap, type Observable } from 'rxjs';
import { ledgerIndexOf } from './ledger.queries';

interface WrittenEvent {
  eventId: string;
  position: string;
  ledgerIndex?: number | null;
}

const MAX_WAIT_MS = 5000;

/**
 * Adds each written event's ledger index to a write's answer once the ledger has sequenced it (null
 * before). A client that wants the index in the answer sends RFC 7240 `Prefer: wait=<seconds>`, and
 * the answer waits for the ledger up to that long (at most 5 s).
 */
@Injectable()
export class LedgerIndexInterceptor implements NestInterceptor {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.method !== 'POST') return next.handle();
    const wait = /(?:^|[,;\s])wait=(\d+)/.exec(String(request.headers.prefer ?? ''));
    if (!wait) return next.handle().pipe(map((body: unknown) => this.withIndexes(body)));
    return next
      .handle()
      .pipe(mergeMap((body: unknown) => from(this.afterWaiting(body, Number(wait[1]) * 1000, context))));
  }

  private async afterWaiting(body: unknown, waitMs: number, context: ExecutionContext): Promise<unknown> {
    const written = body as { position?: string | null } | null;
    if (waitMs > 0 && written?.position) {
      const sequenced = await this.runner
        .waitFor(written.position, { projections: ['ledger'], timeoutMs: Math.min(waitMs, MAX_WAIT_MS) })
        .then(
          () => true,
          () => false,
        );
      // Not inside the promise chain: a FastifyReply is itself a thenable.
      if (sequenced) void context.switchToHttp().getResponse<FastifyReply>().header('Preference-Applied', 'wait');
    }
    return this.withIndexes(body);
  }

  private withIndexes(body: unknown): unknown {
    const written = body as { events?: WrittenEvent[] } | null;
    if (!written || !Array.isArray(written.events) || written.events.length === 0) return body;
    for (const event of written.events)
      // Until the ledger has reached the event there is no index to look up.
      event.ledgerIndex = this.runner.reached('ledger', event.position)
        ? (ledgerIndexOf(this.runner, event.eventId) ?? null)
        : null;
    return body;
  }
}
