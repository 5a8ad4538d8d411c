import { Controller, Get, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import {
  type Actor,
  type IncidentEvent,
  incidentDecider,
  type IncidentState,
  incidentStream,
  mayRead,
  mayReadCaseEvent,
} from '@ceasefire/mvm';
import { AgreementDirectory } from '../agreements/agreement-directory';
import { CurrentActor } from '../auth/current-actor.decorator';
import { SUBJECT_KEYS, type SubjectKeyStore } from '../confidential/subject-key.store';
import { presentCase } from './case-view';
import type { FastifyReply } from 'fastify';
import { AgreementIdParams } from '../agreements/agreement-id.params';
import { ReadYourWritesDto } from '../shared/read-options.dto';
import { asDomainEvent, readStreamOrEmpty } from '../write-path/handle-command';
import { utc } from '../shared/validation';
import { IncidentIdParams } from './incident-id.params';
import { GetIncidentQuery, ListIncidentsQuery } from './incident-queries';
import { ListIncidentsRequestDto, HistoryRequestDto } from './incident-reads.request.dto';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('v1')
export class IncidentReadsHttpController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly agreements: AgreementDirectory,
    @Inject(SUBJECT_KEYS) private readonly keys: SubjectKeyStore,
  ) {}

  @Get('incidents/:id')
  @ApiOperation({ summary: 'The case file: report, evidence, responses, investigation, findings, disputes, measures.' })
  async get(
    @Param() { id }: IncidentIdParams,
    @Query() q: ReadYourWritesDto,
    @CurrentActor() reader: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const found = await this.queries.execute(new GetIncidentQuery(reader, id, q.minPosition));
    void reply.header('ETag', `"${found.revision}"`);
    return found;
  }

  @Get('agreements/:id/incidents')
  @ApiOperation({ summary: 'Incidents under an agreement, by status, party, category and time of occurrence.' })
  list(@Param() { id }: AgreementIdParams, @Query() q: ListIncidentsRequestDto, @CurrentActor() reader: Actor) {
    const filter = {
      status: q.status,
      party: q.party,
      category: q.category,
      from: q.from && utc(q.from),
      to: q.to && utc(q.to),
      limit: q.limit ?? 100,
    };
    return this.queries.execute(new ListIncidentsQuery(reader, id, filter, q.minPosition));
  }

  /** The mediator's replay, straight from the log: each event with the case as it stood right after it. */
  @Get('incidents/:id/history')
  @ApiOperation({
    summary: 'Every event of the case in order, each with the case state after it; ?atPosition= cuts it.',
  })
  async history(@Param() { id }: IncidentIdParams, @Query() q: HistoryRequestDto, @CurrentActor() reader: Actor) {
    const recorded = (await readStreamOrEmpty(this.store, incidentStream(id))).filter(
      (e) => !q.atPosition || e.position <= q.atPosition,
    );
    if (recorded.length === 0 && !q.atPosition) throw new NotFoundException(`no incident ${id}`);
    let state: IncidentState = incidentDecider.initialState();
    const stepped = recorded.map((e) => {
      state = incidentDecider.evolve(state, asDomainEvent<IncidentEvent>(e));
      return { e, state };
    });
    const last = stepped.at(-1)?.state;
    const agreement = last && last.status !== 'NONE' ? await this.agreements.state(last.agreementId) : undefined;
    const parties = agreement && agreement.status !== 'NONE' ? agreement.parties.map((p) => p.code) : [];
    // The reader sees the events of the case it may see, each with the case as it may see it then.
    if (last && last.status !== 'NONE' && !mayRead(reader, last.level, parties))
      throw new NotFoundException(`no incident ${id}`);
    const entries = stepped.flatMap(({ e, state: after }) => {
      if (after.status === 'NONE' || !mayReadCaseEvent(reader, asDomainEvent<IncidentEvent>(e), after.level, parties))
        return [];
      return [
        {
          position: e.position,
          revision: e.revision,
          eventId: e.eventId,
          type: e.type,
          recordedAt: e.recordedAt,
          principal: e.metadata.principal ?? null,
          submission: e.metadata.submission ?? null,
          data: e.data,
          hash: e.hash,
          prevHash: e.prevHash,
          stateAfter: presentCase(reader, after, parties, this.keys),
        },
      ];
    });
    return { incidentId: id, atPosition: q.atPosition ?? null, events: entries };
  }
}
