import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { HeavyRead } from '../http/heavy-read.decorator';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@ceasefire/mvm';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CaseHistory, HISTORY_MAX_PAGE } from './case-history';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { answerNotModified } from '../http/conditional-get';
import { decodeCursorIndex, decodeCursorPair, encodeCursor, linkNext } from '../http/pagination';
import { AgreementIdParams } from '../agreements/agreement-id.params';
import { ReadYourWritesDto } from '../shared/read-options.dto';
import { utc } from '../shared/validation';
import { IncidentIdParams } from './incident-id.params';
import { GetIncidentQuery, ListIncidentsQuery } from './incident-queries';
import { HistoryRequestDto, HistoryStepParams, ListIncidentsRequestDto } from './incident-reads.request.dto';
import { Replies } from '../http/contract/replies.decorator';
import { CaseFile, CaseHistoryPage, CaseHistoryStep, IncidentPage } from './incident-reads.response.schema';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('v1')
export class IncidentReadsHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly history_: CaseHistory,
  ) {}

  @Get('incidents/:id')
  @Replies.json(CaseFile, 'The case file as this reader may see it.', { headers: ['ETag'], notModified: true })
  @ApiOperation({
    operationId: 'getCaseFile',
    summary: 'The case file: report, evidence, responses, investigation, findings, disputes, measures.',
  })
  async get(
    @Param() { id }: IncidentIdParams,
    @Query() q: ReadYourWritesDto,
    @CurrentActor() reader: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const found = await this.queries.execute(new GetIncidentQuery(reader, id, q.minPosition));
    // The revision is also the If-Match of the next write to the case.
    if (answerNotModified(request, reply, `"${found.revision}"`)) return;
    return found;
  }

  @Get('agreements/:id/incidents')
  @Replies.json(IncidentPage, 'A page of case files.', { headers: ['Link'] })
  @ApiOperation({
    operationId: 'listIncidents',
    summary:
      'Incidents under an agreement, by status, party, category and time of occurrence; paged with ?cursor= (Link: rel="next").',
  })
  async list(
    @Param() { id }: AgreementIdParams,
    @Query() q: ListIncidentsRequestDto,
    @CurrentActor() reader: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const cursor = decodeCursorPair(q.cursor);
    const filter = {
      status: q.status,
      party: q.party,
      category: q.category,
      from: q.from && utc(q.from),
      to: q.to && utc(q.to),
      after: cursor && { occurredAt: cursor[0], incidentId: cursor[1] },
      limit: q.limit ?? 100,
    };
    const page = await this.queries.execute(new ListIncidentsQuery(reader, id, filter, q.minPosition));
    if (page.next) linkNext(request, reply, page.next);
    return page;
  }

  /** The mediator's replay, in pages: each event with what it changed in the case as this reader may see it. */
  @HeavyRead()
  @Get('incidents/:id/history')
  @Replies.json(CaseHistoryPage, 'A page of the case history.', { headers: ['Link'] })
  @ApiOperation({
    operationId: 'getCaseHistory',
    summary: `The case's events in order, each with the changes it made to the case (RFC 6902 operations), ${HISTORY_MAX_PAGE} at most per page: go on with ?cursor=<next> (Link: rel="next"). ?atPosition= cuts it where the record stood then.`,
  })
  async history(
    @Param() { id }: IncidentIdParams,
    @Query() q: HistoryRequestDto,
    @CurrentActor() reader: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const after = decodeCursorIndex(q.cursor) ?? q.after;
    const page = await this.history_.page(reader, id, { after, limit: q.limit ?? 50, atPosition: q.atPosition });
    const next = page.next === null ? null : encodeCursor(String(page.next));
    if (next) linkNext(request, reply, next);
    return { ...page, next };
  }

  @Get('incidents/:id/history/:revision')
  @Replies.json(CaseHistoryStep, 'The step and the case right after it.')
  @ApiOperation({
    operationId: 'getCaseHistoryStep',
    summary: 'One step of the case history with the whole case as it stood right after it.',
  })
  historyStep(@Param() { id, revision }: HistoryStepParams, @CurrentActor() reader: Actor) {
    return this.history_.step(reader, id, revision);
  }
}
