import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { Replies } from '../http/contract/replies.decorator';
import { Health } from './health.response.schema';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  /** 200 while the store answers; a parked projection makes the status "degraded", not down. */
  @Get()
  @Replies.json(Health, 'The store answers.', { unavailableBody: true })
  @ApiOperation({
    operationId: 'getHealth',
    summary:
      "Store reachability, head of the log, server version and foreign records skipped; each projection's checkpoint, lag, errors and subscription drops.",
  })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    let head: string | undefined;
    let storeError: string | undefined;
    try {
      head = await this.store.headPosition();
    } catch (error) {
      storeError = error instanceof Error ? error.message : String(error);
    }
    const projections = await this.runner.health().catch(() => []);
    const parked = projections.some((p) => p.parked);
    const status = storeError ? 'down' : parked ? 'degraded' : 'ok';
    reply.status(storeError ? 503 : 200);
    return {
      status,
      store: {
        kind: this.store.kind,
        reachable: !storeError,
        head: head ?? null,
        error: storeError,
        ...this.store.diagnostics(),
      },
      projections: projections.map((p) => ({ ...p, position: p.position ?? null })),
    };
  }
}
