import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import type { Actor } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { feedJudge } from '../confidential/feed-visibility';
import { agreementOf } from '../feeds/cloud-event';
import { leafPosition, ledgerSize } from './ledger.queries';
import { EntriesRequestDto } from './ledger.request.dto';

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

  @Get('entries')
  @ApiOperation({
    summary:
      "Leaves [start, end): index, leaf hash and canonical envelope — or, for an entry above the reader's level, withheld: its stream, revision and the reason, so the root and chains still check.",
  })
  async entries(@Query() q: EntriesRequestDto, @CurrentActor() reader: Actor) {
    if (q.end <= q.start || q.end - q.start > 1000)
      throw new BadRequestException('end must be above start, by at most 1000');
    const have = ledgerSize(this.runner);
    if (q.end > have) throw new BadRequestException(`size ${q.end} is beyond the ledger, which has ${have} leaves`);
    const before = q.start === 0 ? undefined : leafPosition(this.runner, q.start - 1);
    // The same judge as the feeds and the timeline: a case's level, the mechanism's own events, an agreement's parties.
    const mayRead = feedJudge(this.runner, reader);
    const entries: LedgerEntry[] = [];
    for await (const e of this.store.readAll({ fromExclusive: before, maxCount: q.end - q.start })) {
      const index = q.start + entries.length;
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
    return { entries };
  }
}
