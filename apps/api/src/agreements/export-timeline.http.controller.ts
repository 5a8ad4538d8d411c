import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import type { Actor } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { feedJudge } from '../confidential/feed-visibility';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@ceasefire/event-store';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { utc } from '../shared/validation';
import { AgreementIdParams } from './agreement-id.params';
import { TimelineRequestDto } from './export-timeline.request.dto';

const COLUMNS = [
  'position',
  'stream',
  'revision',
  'eventId',
  'type',
  'recordedAt',
  'principal',
  'hash',
  'prevHash',
  'data',
] as const;

const rowOf = (e: RecordedEvent) => ({
  position: e.position,
  stream: e.stream,
  revision: e.revision,
  eventId: e.eventId,
  type: e.type,
  recordedAt: e.recordedAt,
  principal: (e.metadata.principal as string | undefined) ?? null,
  hash: e.hash,
  prevHash: e.prevHash,
  data: e.data,
});

const csvCell = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('v1/agreements/:id/timeline')
export class ExportTimelineHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  /** Streamed from the log page by page, so an export of any size holds little memory. */
  @Get()
  @ApiOperation({
    summary: "The auditor's export: every event under the agreement, in log order, with position, hash and prevHash.",
  })
  export(
    @Param() { id }: AgreementIdParams,
    @Query() q: TimelineRequestDto,
    @CurrentActor() reader: Actor,
    @Res() reply: FastifyReply,
  ) {
    // Only what the reader may read (issue 14): a party, its agreements' shared cases; an observer, what is published.
    const mayRead = feedJudge(this.runner, reader);
    const format = q.format ?? 'json';
    const from = q.from && utc(q.from);
    const to = q.to && utc(q.to);
    const store = this.store;
    async function* lines() {
      if (format === 'json') yield '[';
      if (format === 'csv') yield `${COLUMNS.join(',')}\n`;
      let first = true;
      for await (const e of store.readAll({ filter: { categories: ['agreement', 'incident', 'commitment'] } })) {
        if ((e.data as { agreementId?: string }).agreementId !== id) continue;
        if ((from && e.recordedAt < from) || (to && e.recordedAt > to)) continue;
        if (!mayRead({ type: e.type, stream: e.stream, agreementId: id })) continue;
        const row = rowOf(e);
        if (format === 'csv') yield `${COLUMNS.map((c) => csvCell(row[c])).join(',')}\n`;
        else if (format === 'ndjson') yield `${JSON.stringify(row)}\n`;
        else yield `${first ? '' : ','}\n${JSON.stringify(row)}`;
        first = false;
      }
      if (format === 'json') yield '\n]\n';
    }
    const type = { json: 'application/json', ndjson: 'application/x-ndjson', csv: 'text/csv' }[format];
    void reply.header('Content-Type', `${type}; charset=utf-8`).send(Readable.from(lines()));
  }
}
