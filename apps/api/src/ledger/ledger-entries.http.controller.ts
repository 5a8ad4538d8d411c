import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { HeavyRead } from '../http/heavy-read.decorator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import type { Actor } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { feedJudge } from '../confidential/feed-visibility';
import { agreementOf } from '../feeds/cloud-event';
import { leafPosition, ledgerSize } from './ledger.queries';
import { EntriesRequestDto } from './ledger.request.dto';
import { Replies } from '../http/contract/replies.decorator';
import { decodeCursorIndex, encodeCursor, linkNext } from '../http/pagination';
import { LedgerEntriesPage } from './ledger-entries.response.schema';
import { validationFailed } from '../http/validation-failed';

/** Why an entry is withheld, said by what kind of record it is. */
const withheldReason = (stream: string): string =>
  stream.startsWith('incident-')
    ? "a case above the reader's level, or the mechanism's own record"
    : stream.startsWith('agreement-') || stream.startsWith('commitment-')
      ? 'an agreement of other parties'
      : "the mechanism's registry";

/** One leaf as a reader gets it: the whole envelope, or — withheld from this reader — its hash and place. */
export type LedgerEntry =
  | { index: number; leafHash: string; envelope: string }
  | { index: number; leafHash: string; withheld: { stream: string; revision: number; reason: string } };

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('v1/ledger')
export class LedgerEntriesHttpController {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @HeavyRead()
  @Get('entries')
  @Replies.json(LedgerEntriesPage, 'A page of ledger entries.', { headers: ['Link'] })
  @ApiOperation({
    operationId: 'listLedgerEntries',
    summary:
      "Leaves [start, end): index, leaf hash and canonical envelope — or, for an entry above the reader's level, withheld: its stream, revision and the reason, so the root and chains still check.",
  })
  async entries(
    @Query() q: EntriesRequestDto,
    @CurrentActor() reader: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const have = ledgerSize(this.runner);
    const start = decodeCursorIndex(q.cursor) ?? q.start ?? 0;
    const end = q.end ?? Math.min(start + (q.limit ?? 1000), have);
    if (end <= start || end - start > 1000)
      throw validationFailed([{ field: 'end', message: 'end must be above start, by at most 1000' }]);
    if (end > have)
      throw validationFailed([{ field: 'end', message: `end ${end} is beyond the ledger, which has ${have} leaves` }]);
    const before = start === 0 ? undefined : leafPosition(this.runner, start - 1);
    // The same judge as the feeds and the timeline: a case's level, the mechanism's own events, an agreement's parties.
    const mayRead = feedJudge(this.runner, reader);
    const entries: LedgerEntry[] = [];
    for await (const e of this.store.readAll({ fromExclusive: before, maxCount: end - start })) {
      const index = start + entries.length;
      entries.push(
        mayRead({ type: e.type, stream: e.stream, agreementId: agreementOf(e) ?? null })
          ? { index, leafHash: e.hash, envelope: e.canonical }
          : {
              index,
              leafHash: e.hash,
              withheld: { stream: e.stream, revision: e.revision, reason: withheldReason(e.stream) },
            },
      );
    }
    const next = end < have ? encodeCursor(String(end)) : null;
    if (next) linkNext(request, reply, next);
    return { entries, next };
  }
}
