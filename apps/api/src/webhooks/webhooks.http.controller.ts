import { randomUUID } from 'node:crypto';
import { CreatedResource } from '../http/created-location';
import {
  Body,
  ConflictException,
  Controller,
  Delete,
  ForbiddenException,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@ceasefire/mvm';
import { FeedHub } from '../feeds/feed-hub';
import { plain } from '../shared/validation';
import { WEBHOOK_SETTINGS, WEBHOOK_STORE, WebhookDispatcher, type WebhookSettings } from './webhook-dispatcher';
import { newWebhookSecret } from './webhook-signature';
import type { Webhook, WebhookStore } from './webhook-store';
import { targetProblem } from './webhook-target';
import {
  RegisterWebhookDto,
  ChangeWebhookDto,
  ReplayDto,
  DeliveriesRequestDto,
  WebhookIdParams,
} from './webhooks.request.dto';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Replies } from '../http/contract/replies.decorator';
import { answerPage, decodeCursorIndex, decodeCursorPair } from '../http/pagination';
import { CursorPageDto } from '../http/page-request.dto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  WebhookResponse,
  WebhookDeliveryPage,
  WebhookPage,
  WebhookReplayStarted,
  WebhookWithSecret,
  WEBHOOK_DELIVERIES,
} from './webhooks.response.schema';

/** How long a rotated-out secret keeps signing beside the new one. */
const ROTATION_OVERLAP_MS = 24 * 3600 * 1000;

const view = (w: Webhook) => ({
  id: w.id,
  url: w.url,
  types: w.types,
  filter: w.filter,
  description: w.description,
  enabled: w.enabled,
  owner: w.owner,
  createdAt: w.createdAt,
  cursor: w.cursor,
  pendingAttempts: w.attempts,
  nextAttemptAt: w.nextAttemptAt ? new Date(w.nextAttemptAt).toISOString() : null,
});

const pad = (n: bigint) => n.toString().padStart(20, '0');
/** The largest position below `position`, as an exclusive cursor (positions are fixed-width decimal strings). */
const before = (position: string): string => {
  const [commit, prepare] = position.split(':').map(BigInt);
  if (prepare === undefined) return commit === 0n ? '' : pad(commit - 1n);
  if (prepare > 0n) return `${pad(commit)}:${pad(prepare - 1n)}`;
  return commit === 0n ? '' : `${pad(commit - 1n)}:${'9'.repeat(20)}`;
};

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
export class WebhooksHttpController {
  constructor(
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    private readonly dispatcher: WebhookDispatcher,
    private readonly hub: FeedHub,
  ) {}

  /**
   * Mediators and admins manage every webhook; auditors and observers register and manage their own; no one
   * else. A webhook carries only what its owner may read.
   */
  private mayManage(actor: Actor, w?: Webhook): void {
    if (actor.role === 'mediator' || actor.role === 'admin') return;
    if (actor.role !== 'observer' && actor.role !== 'auditor')
      throw new ForbiddenException(
        `a ${actor.role} may not manage webhooks: mediators, admins, auditors and observers may`,
      );
    if (w && w.owner !== actor.principalId)
      throw new ForbiddenException(`an ${actor.role} manages only its own webhooks`);
  }

  private found(id: string, actor: Actor): Webhook {
    const w = this.store.get(id);
    if (!w) throw new NotFoundException(`no webhook ${id}`);
    this.mayManage(actor, w);
    return w;
  }

  private async requireTarget(url: string): Promise<void> {
    const problem = await targetProblem(url, this.settings.allowPrivateTargets);
    if (problem) throw new UnprocessableEntityException({ message: problem, field: 'url' });
  }

  @Post()
  @CreatedResource((b) => `/v1/webhooks/${b.id}`)
  @Replies.created(WebhookWithSecret, 'The webhook, with its signing secret (shown once).', {
    callbacks: WEBHOOK_DELIVERIES,
  })
  @ApiOperation({
    operationId: 'registerWebhook',
    summary: 'Register a webhook: breach events from now on, as signed CloudEvents. The secret is shown once.',
  })
  async register(@Body() body: RegisterWebhookDto, @CurrentActor() actor: Actor) {
    this.mayManage(actor);
    if (this.store.countOwnedBy(actor.principalId) >= this.settings.maxPerPrincipal)
      throw new ConflictException({
        message: `this principal already has ${this.settings.maxPerPrincipal} webhooks, the most allowed (WEBHOOKS_PER_PRINCIPAL); remove one first`,
        code: 'WEBHOOK_LIMIT',
      });
    await this.requireTarget(body.url);
    const head = this.hub.breachHead() ?? '';
    const w: Webhook = {
      id: randomUUID(),
      url: body.url,
      types: body.types ? [...new Set(body.types.map((t) => t.split('.').pop() as string))] : null,
      filter: plain(body.filter ?? {}),
      description: body.description ?? null,
      owner: actor.principalId,
      secret: newWebhookSecret(),
      previousSecret: null,
      previousUntil: null,
      enabled: true,
      createdAt: new Date().toISOString(),
      cursor: head,
      attempts: 0,
      nextAttemptAt: 0,
    };
    this.store.insert(w);
    this.dispatcher.start(w.id);
    return { ...view(w), secret: w.secret };
  }

  @Get()
  @Replies.json(WebhookPage, 'A page of webhooks.', { headers: ['Link'] })
  @ApiOperation({
    operationId: 'listWebhooks',
    summary: 'The webhooks you may manage.',
  })
  list(
    @Query() q: CursorPageDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    this.mayManage(actor);
    const limit = q.limit ?? 100;
    const after = decodeCursorPair(q.cursor);
    const owner = actor.role === 'mediator' || actor.role === 'admin' ? undefined : actor.principalId;
    const found = this.store.list(owner, { after, limit });
    const page = answerPage(request, reply, found, limit, (w) => `${w.createdAt}\n${w.id}`);
    return { webhooks: page.items.map(view), next: page.next };
  }

  @Get(':id')
  @Replies.json(WebhookResponse, 'The webhook.')
  @ApiOperation({ operationId: 'getWebhook', summary: 'One webhook you may manage.' })
  get(@Param() { id }: WebhookIdParams, @CurrentActor() actor: Actor) {
    return view(this.found(id, actor));
  }

  @Patch(':id')
  @Replies.json(WebhookWithSecret, 'The webhook as changed (with the new secret after a rotation).')
  @ApiOperation({
    operationId: 'changeWebhook',
    summary: 'Disable or enable, change the URL or description, or rotate the secret.',
  })
  async change(@Param() { id }: WebhookIdParams, @Body() body: ChangeWebhookDto, @CurrentActor() actor: Actor) {
    const w = this.found(id, actor);
    if (body.url !== undefined) await this.requireTarget(body.url);
    const rotated = body.rotateSecret
      ? {
          secret: newWebhookSecret(),
          previousSecret: w.secret,
          previousUntil: new Date(Date.now() + ROTATION_OVERLAP_MS).toISOString(),
        }
      : {};
    const changed: Webhook = {
      ...w,
      ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
      ...(body.url !== undefined ? { url: body.url } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...rotated,
    };
    this.store.updateSettings(changed);
    this.dispatcher.wake(id);
    return { ...view(changed), ...(body.rotateSecret ? { secret: changed.secret } : {}) };
  }

  @Delete(':id')
  @HttpCode(204)
  @Replies.empty(204, 'Removed: nothing more is delivered to it.')
  @ApiOperation({ operationId: 'removeWebhook', summary: 'Remove a webhook you may manage.' })
  remove(@Param() { id }: WebhookIdParams, @CurrentActor() actor: Actor): void {
    this.found(id, actor);
    this.store.delete(id);
    this.dispatcher.wake(id);
  }

  @Get(':id/deliveries')
  @Replies.json(WebhookDeliveryPage, 'A page of delivery attempts, newest first.', { headers: ['Link'] })
  @ApiOperation({
    operationId: 'listWebhookDeliveries',
    summary: 'Recent delivery attempts, newest first: status, HTTP code, latency, error.',
  })
  deliveries(
    @Param() { id }: WebhookIdParams,
    @Query() q: DeliveriesRequestDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    this.found(id, actor);
    const limit = q.limit ?? 100;
    const found = this.store.deliveries(id, q.status, {
      before: decodeCursorIndex(q.cursor),
      limit,
    });
    const page = answerPage(request, reply, found, limit, (d) => String(d.seq));
    return { deliveries: page.items.map(({ seq: _, ...d }) => d), next: page.next };
  }

  @Post(':id/replay')
  @HttpCode(202)
  @Replies.created(WebhookReplayStarted, 'Delivery will start again from that position.', { status: 202 })
  @ApiOperation({
    operationId: 'replayWebhook',
    summary: 'Redeliver every matching breach event from a global position on.',
  })
  replay(@Param() { id }: WebhookIdParams, @Body() body: ReplayDto, @CurrentActor() actor: Actor) {
    this.found(id, actor);
    this.store.replayFrom(id, before(body.fromPosition));
    this.dispatcher.wake(id);
    return { id, fromPosition: body.fromPosition };
  }
}
