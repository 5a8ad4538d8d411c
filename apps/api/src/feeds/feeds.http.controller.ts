import { concatMap } from 'rxjs';
import { HeavyRead } from '../http/heavy-read.decorator';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import type { Actor } from '@ceasefire/mvm';
import { CurrentActor } from '../auth/current-actor.decorator';
import { breachFeedItem, feedJudge, PARTY_KEY_CATEGORIES } from '../confidential/feed-visibility';
import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { comparePositions, EVENT_STORE, type EventStore, type RecordedEvent } from '@ceasefire/event-store';
import { LOG_EVENT_TYPES } from '@ceasefire/mvm';
import type { FastifyReply } from 'fastify';
import { LEDGER_SETTINGS, type LedgerSettings } from '../ledger/checkpoint-signer';
import { AgreementTimeline, type TimelineEntry, type TimelineQuery } from '../agreements/agreement-timeline';
import { agreementIdsOfParty } from '../agreements/agreement-list.queries';
import { READ_LANE, type ReadLane } from '../shared/read-lane';
import { POSITION } from '../shared/validation';
import { agreementOf, cloudEventType, toCloudEvent } from './cloud-event';
import { type BreachRow, FeedHub } from './feed-hub';
import { breachMatcher } from './breach-filter';
import { sseFrame } from './sse-connection';
import { SseConnections } from './sse-connections';
import { streamFeed } from './stream-feed';
import { BreachFeedRequestDto, EventFeedRequestDto } from './feeds.request.dto';
import { Replies } from '../http/contract/replies.decorator';
import { FeedCloudEventSchema } from './feed-cloud-event.schema';
import { validationFailed } from '../http/validation-failed';

const resumeFrom = (query: string | undefined, lastEventId: string | undefined): string | undefined => {
  if (lastEventId !== undefined && !POSITION.test(lastEventId))
    throw validationFailed([{ field: 'Last-Event-ID', message: 'Last-Event-ID must be a global position' }]);
  return lastEventId ?? query;
};

/** The SSE resume header, as EventSource sends it on a reconnect. */
const LAST_EVENT_ID = ApiHeader({
  name: 'Last-Event-ID',
  required: false,
  description: 'Resume after this event id (a global position), as EventSource does when it reconnects.',
});
const SSE_EXAMPLE =
  'id: 00000000000000000042\nevent: org.ceasefireledger.mvm.BreachConfirmed\ndata: {"specversion":"1.0","id":"01a2222b-b464-7c95-8ccb-43cec952edff","type":"org.ceasefireledger.mvm.BreachConfirmed","position":"00000000000000000042",…}\n\n';

@ApiTags('feeds')
@ApiBearerAuth()
@Controller('v1/feeds')
export class FeedsHttpController {
  constructor(
    private readonly hub: FeedHub,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly connections: SseConnections,
    @Inject(LEDGER_SETTINGS) private readonly ledger: LedgerSettings,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(READ_LANE) private readonly lane: ReadLane,
    private readonly timeline: AgreementTimeline,
  ) {}

  /** Frames of the live items every connection shares, made once for all of them. */
  private readonly frames = new WeakMap<object, Buffer>();

  private framed(item: object, make: () => Buffer): Buffer {
    let frame = this.frames.get(item);
    if (frame === undefined) {
      frame = make();
      this.frames.set(item, frame);
    }
    return frame;
  }

  @HeavyRead()
  @Get('breaches')
  @LAST_EVENT_ID
  @Replies.text(
    'text/event-stream',
    'Breach events as CloudEvents (one SSE event each, id = global position), then live.',
    { messages: FeedCloudEventSchema, example: SSE_EXAMPLE },
  )
  @ApiOperation({
    operationId: 'followBreaches',
    summary:
      'Server-Sent Events: each breach event as a CloudEvent (id = global position). Resume with Last-Event-ID or ?after=.',
  })
  async breaches(
    @Query() q: BreachFeedRequestDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @CurrentActor() reader: Actor,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const after = resumeFrom(q.after, lastEventId);
    const mayReceive = feedJudge(this.runner, reader);
    const matches = breachMatcher(q);
    this.lane.admit();
    const connection = this.connections.openFor(reader.principalId, reply);
    await streamFeed<BreachRow>(connection, after, {
      page: (from, limit) => this.lane.run(() => this.hub.breachesAfter(from, limit)),
      live$: this.hub.breaches$,
      accept: (row) => matches(row) && mayReceive(breachFeedItem(row)),
      frame: (row) =>
        this.framed(row, () =>
          sseFrame(
            row.position,
            cloudEventType(row.event_type),
            this.hub.withLedgerIndex(row.cloud_event, row.event_id),
          ),
        ),
    });
  }

  private async logPage(from: string | undefined, limit: number, types: string[] | undefined, categories?: string[]) {
    const page: RecordedEvent[] = [];
    const filter = types || categories ? { eventTypes: types, categories } : undefined;
    for await (const e of this.store.readAll({ fromExclusive: from, filter, maxCount: limit })) page.push(e);
    return page;
  }

  /**
   * A page of the whole feed for a reader who may see only part of it: the timeline entries it may read (a
   * party's agreements', or those the public may read), and the parties' keys (everyone's to read), merged in
   * log order. Nothing else of the log is read.
   */
  private async indexedPage(
    entries: (q: TimelineQuery) => TimelineEntry[],
    from: string | undefined,
    limit: number,
    types: string[] | undefined,
  ) {
    const indexed = await this.timeline.events(entries({ after: from, types, limit }));
    const keys = await this.logPage(from, limit, types, [...PARTY_KEY_CATEGORIES]);
    return [...indexed, ...keys].sort((x, y) => comparePositions(x.position, y.position)).slice(0, limit);
  }

  /** Whose whole feed (no ?agreement=) is read from indexes: a party's, and the public's (an observer's). */
  private partialFeed(reader: Actor): ((q: TimelineQuery) => TimelineEntry[]) | undefined {
    const party = reader.role === 'party' ? reader.party : undefined;
    // The party's agreements are looked up when the page is read, once the agreement list is current.
    if (party) return (q) => this.timeline.entriesOfAgreements(agreementIdsOfParty(this.runner, party), q);
    if (reader.role === 'observer') return (q) => this.timeline.publicEntries(q);
    return undefined;
  }

  @HeavyRead()
  @Get('events')
  @LAST_EVENT_ID
  @Replies.text('text/event-stream', 'Events as CloudEvents (one SSE event each, id = global position), then live.', {
    messages: FeedCloudEventSchema,
    example: SSE_EXAMPLE,
  })
  @ApiOperation({
    operationId: 'followEvents',
    summary: 'Server-Sent Events: any event types as CloudEvents, e.g. ?types=IncidentReported.',
  })
  async events(
    @Query() q: EventFeedRequestDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @CurrentActor() reader: Actor,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const mayReceive = feedJudge(this.runner, reader);
    const judged = (e: RecordedEvent | undefined) =>
      e ? this.runner.waitFor(e.position, { projections: ['incident_cases', 'compliance'] }) : Promise.resolve();
    const types = q.types?.split(',');
    const unknown = types?.filter((t) => !(LOG_EVENT_TYPES as string[]).includes(t));
    if (unknown?.length)
      throw validationFailed([{ field: 'types', message: `types holds unknown event types: ${unknown.join(', ')}` }]);
    const after = resumeFrom(q.after, lastEventId);
    const wanted = types ? new Set(types) : undefined;
    this.lane.admit();
    const connection = this.connections.openFor(reader.principalId, reply);
    await streamFeed<RecordedEvent>(connection, after, {
      // One agreement's catch-up reads its timeline index (once it holds what the live feed, already listening,
      // will not bring), and so does a party's or the public's whole feed; anyone else's reads the log. A page at a
      // time, in the lane.
      page: async (from, limit) => {
        const partial = q.agreement ? undefined : this.partialFeed(reader);
        if (q.agreement || partial) await this.timeline.current({ agreementList: reader.role === 'party' });
        const page = await this.lane.run(() =>
          q.agreement
            ? this.timeline.events(this.timeline.entries(q.agreement, { after: from, types, limit }))
            : partial
              ? this.indexedPage(partial, from, limit, types)
              : this.logPage(from, limit, types),
        );
        await judged(page.at(-1));
        return page;
      },
      // Each item is judged from the read models, so it is sent once they have applied it, in order.
      live$: this.hub.events$.pipe(concatMap(async (e) => (await judged(e), e))),
      accept: (e) =>
        (!wanted || wanted.has(e.type)) &&
        (!q.agreement || agreementOf(e) === q.agreement) &&
        mayReceive({ type: e.type, stream: e.stream, agreementId: agreementOf(e) ?? null }),
      frame: (e) =>
        this.framed(e, () =>
          sseFrame(
            e.position,
            cloudEventType(e.type),
            this.hub.withLedgerIndex(JSON.stringify(toCloudEvent(e, this.ledger.origin)), e.eventId),
          ),
        ),
    });
  }
}
