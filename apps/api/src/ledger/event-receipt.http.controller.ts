import { ConflictException, Controller, Get, Header, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { formatTlogProof, inclusionPathOf } from '@ceasefire/ledger';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { CheckpointSigner } from './checkpoint-signer';
import { ledgerHasher, ledgerIndexOf } from './ledger.queries';
import { EventIdParams } from './event-receipt.request.dto';
import { Replies } from '../http/contract/replies.decorator';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('v1/events/:eventId/receipt')
export class EventReceiptHttpController {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    private readonly checkpoints: CheckpointSigner,
  ) {}

  /** Offline proof that the event is in the log: its inclusion path against the latest signed checkpoint. */
  @Get()
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Replies.text('text/plain', "The receipt (C2SP tlog-proof): the event's inclusion in a signed checkpoint.", {
    errors: [409],
  })
  @ApiOperation({
    operationId: 'getEventReceipt',
    summary: "A C2SP tlog-proof of the event's inclusion in the latest signed checkpoint.",
  })
  receipt(@Param() { eventId }: EventIdParams): string {
    const index = ledgerIndexOf(this.runner, eventId);
    if (index === undefined) throw new NotFoundException(`event ${eventId} is not in the ledger (yet)`);
    const checkpoint = this.checkpoints.latestCovered();
    if (!checkpoint || checkpoint.size <= index)
      throw new ConflictException(`event ${eventId} is leaf ${index}; no signed checkpoint covers it yet`);
    const path = inclusionPathOf(ledgerHasher(this.runner), index, checkpoint.size);
    return formatTlogProof({ index, path, checkpoint: checkpoint.note });
  }
}
