import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import type { Actor } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { EntryVisibility } from '../confidential/entry-visibility';
import { leafPosition, ledgerSize } from './ledger.queries';
import { EntriesRequestDto } from './ledger.request.dto';

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
    private readonly visibility: EntryVisibility,
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
    const withheldFrom = this.visibility.forReader(reader);
    const entries: LedgerEntry[] = [];
    for await (const e of this.store.readAll({ fromExclusive: before, maxCount: q.end - q.start })) {
      const index = q.start + entries.length;
      const reason = await withheldFrom(e);
      entries.push(
        reason
          ? { index, leafHash: e.hash, withheld: { stream: e.stream, revision: e.revision, reason } }
          : { index, leafHash: e.hash, envelope: e.canonical },
      );
    }
    return { entries };
  }
}
