import { Controller, Get, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { HeavyRead } from '../http/heavy-read.decorator';
import type { Actor } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { feedJudge } from '../confidential/feed-visibility';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecordedEvent } from '@ceasefire/event-store';
import { agreementKnown } from '../compliance/compliance.projection';
import { READ_LANE, type ReadLane } from '../shared/read-lane';
import { AgreementTimeline } from './agreement-timeline';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { utc } from '../shared/validation';
import { AgreementIdParams } from './agreement-id.params';
import { TimelineRequestDto } from './export-timeline.request.dto';
import { Replies } from '../http/contract/replies.decorator';
import { TimelineExport } from './export-timeline.response.schema';

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

const PAGE = 100;

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('v1/agreements/:id/timeline')
export class ExportTimelineHttpController {
  constructor(
    private readonly timeline: AgreementTimeline,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(READ_LANE) private readonly lane: ReadLane,
  ) {}

  /**
   * Streamed page by page from the agreement's timeline index, pulled as the client reads (backpressure),
   * each page a bounded chunk of the heavy-read lane: any size of export holds little memory and never
   * holds up other requests.
   */
  @HeavyRead()
  @Get()
  @Replies.json(
    TimelineExport,
    'Every event under the agreement the reader may see, in log order (?format=ndjson or csv for the other forms).',
    { alsoAs: ['application/x-ndjson', 'text/csv'] },
  )
  @ApiOperation({
    operationId: 'exportAgreementTimeline',
    summary: "The auditor's export: every event under the agreement, in log order, with position, hash and prevHash.",
  })
  async export(
    @Param() { id }: AgreementIdParams,
    @Query() q: TimelineRequestDto,
    @CurrentActor() reader: Actor,
    @Res() reply: FastifyReply,
  ) {
    this.lane.admit();
    await this.timeline.current();
    if (!agreementKnown(this.runner.db, (name) => this.runner.table('compliance', name), id))
      throw new NotFoundException(`no agreement ${id}`);
    // Only what the reader may read (issue 14): a party, its agreements' shared cases; an observer, what is published.
    const mayRead = feedJudge(this.runner, reader);
    const format = q.format ?? 'json';
    const query = { from: q.from && utc(q.from), to: q.to && utc(q.to), limit: PAGE };
    const { timeline, lane } = this;
    async function* lines() {
      if (format === 'json') yield '[';
      if (format === 'csv') yield `${COLUMNS.join(',')}\n`;
      let first = true;
      let after: string | undefined;
      for (;;) {
        const { text, last, full } = await lane.run(async () => {
          const entries = timeline.entries(id, { ...query, after });
          const events = await timeline.events(entries.filter((e) => mayRead({ ...e, agreementId: id })));
          let chunk = '';
          for (const e of events) {
            const row = rowOf(e);
            if (format === 'csv') chunk += `${COLUMNS.map((c) => csvCell(row[c])).join(',')}\n`;
            else if (format === 'ndjson') chunk += `${JSON.stringify(row)}\n`;
            else chunk += `${first ? '' : ','}\n${JSON.stringify(row)}`;
            first = false;
          }
          return { text: chunk, last: entries.at(-1)?.position, full: entries.length === PAGE };
        });
        if (text) yield text;
        if (!full) break;
        after = last;
      }
      if (format === 'json') yield '\n]\n';
    }
    const type = { json: 'application/json', ndjson: 'application/x-ndjson', csv: 'text/csv' }[format];
    void reply.header('Content-Type', `${type}; charset=utf-8`).send(Readable.from(lines()));
  }
}
