import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { Replies } from '../http/contract/replies.decorator';
import { Health, Liveness, Readiness } from './health.response.schema';
import type { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get maxLag(): number {
    return this.config.readyMaxLag;
  }

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

  /** Liveness: the process answers (its event loop runs). Restart it when this fails. */
  @Get('live')
  @Replies.json(Liveness, 'The process answers.')
  @ApiOperation({ operationId: 'getLiveness', summary: 'Liveness: 200 while the process answers at all.' })
  live() {
    return { status: 'ok' as const };
  }

  /**
   * Readiness: send traffic here only while the store answers and every read model is caught up
   * (within READY_MAX_LAG events where the lag is known) and none is parked.
   */
  @Get('ready')
  @Replies.json(Readiness, 'Ready for traffic.', { unavailableBody: true })
  @ApiOperation({
    operationId: 'getReadiness',
    summary:
      'Readiness: 200 while the store answers and the read models are caught up and running; else 503 with the reasons.',
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const reasons: string[] = [];
    await this.store
      .headPosition()
      .catch((error: unknown) =>
        reasons.push(`the store does not answer: ${error instanceof Error ? error.message : String(error)}`),
      );
    for (const p of await this.runner.health().catch(() => [])) {
      if (p.parked) reasons.push(`projection ${p.projection} is parked: ${p.parked.error}`);
      else if (!p.caughtUp) reasons.push(`projection ${p.projection} is catching up`);
      else if (p.lag !== undefined && p.lag > this.maxLag)
        reasons.push(`projection ${p.projection} is ${p.lag} events behind`);
    }
    reply.status(reasons.length ? 503 : 200);
    return { ready: reasons.length === 0, reasons };
  }
}
