import { Controller, Get, Header, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { consistencyPathOf, formatVerifierKey, inclusionPathOf, type NoteSigner } from '@ceasefire/ledger';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { Public } from '../auth/public.decorator';
import { CheckpointSigner, LEDGER_SIGNER } from './checkpoint-signer';
import { ledgerHasher, ledgerSize } from './ledger.queries';
import { CheckpointSizeParams, ConsistencyRequestDto, InclusionRequestDto } from './ledger.request.dto';
import { Replies } from '../http/contract/replies.decorator';
import { ConsistencyProof, InclusionProof } from './ledger.response.schema';
import { validationFailed } from '../http/validation-failed';

const b64 = (b: Buffer) => b.toString('base64');

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('v1/ledger')
export class LedgerHttpController {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_SIGNER) private readonly signer: NoteSigner,
    private readonly checkpoints: CheckpointSigner,
  ) {}

  private table = (name: string) => this.runner.table('ledger', name);

  private requireSize(size: number, field = 'size'): void {
    const have = ledgerSize(this.runner);
    if (size > have)
      throw validationFailed([{ field, message: `${field} ${size} is beyond the ledger, which has ${have} leaves` }]);
  }

  @Public()
  @Get('checkpoint')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Replies.text('text/plain', 'The latest signed checkpoint (C2SP signed note).', {
    errors: [404],
    example: 'ceasefire-ledger.local/log\n14\nNKIMNIN4n/…=\n\n— ceasefire-ledger.local/log …\n',
  })
  @ApiOperation({
    operationId: 'getLedgerCheckpoint',
    summary: 'The latest signed checkpoint (C2SP signed note), with the witness cosignatures collected for it.',
  })
  checkpoint(): string {
    const latest = this.checkpoints.latest();
    if (!latest) throw new NotFoundException('no checkpoint has been signed yet');
    return this.checkpoints.withCosignatures(latest);
  }

  @Public()
  @Get('checkpoints/:size')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Replies.text('text/plain', 'The checkpoint signed at that size, with its cosignatures.', { errors: [404] })
  @ApiOperation({
    operationId: 'getLedgerCheckpointOfSize',
    summary: 'The signed checkpoint of one tree size, with the witness cosignatures collected for it.',
  })
  checkpointOfSize(@Param() { size }: CheckpointSizeParams): string {
    const found = this.checkpoints.bySize(size);
    if (!found) throw new NotFoundException(`no checkpoint of size ${size} was signed`);
    return this.checkpoints.withCosignatures(found);
  }

  @Public()
  @Get('key')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Replies.text('text/plain', "The log's verifier key (C2SP note verifier key).", {
    example: 'ceasefire-ledger.local/log+4d170111+Acpb…',
  })
  @ApiOperation({
    operationId: 'getLedgerKey',
    summary: "The log's C2SP verifier key.",
  })
  key(): string {
    return `${formatVerifierKey(this.signer)}\n`;
  }

  @Get('proofs/inclusion')
  @Replies.json(InclusionProof, 'The inclusion proof.')
  @ApiOperation({
    operationId: 'getInclusionProof',
    summary: 'RFC 9162 inclusion proof of leaf `index` in the tree of exactly `size` leaves.',
  })
  inclusion(@Query() q: InclusionRequestDto) {
    if (q.index >= q.size) throw validationFailed([{ field: 'index', message: 'index must be below size' }]);
    this.requireSize(q.size);
    const hasher = ledgerHasher(this.runner);
    return {
      index: q.index,
      size: q.size,
      rootHash: b64(hasher(0, q.size)),
      hashes: inclusionPathOf(hasher, q.index, q.size).map(b64),
    };
  }

  @Get('proofs/consistency')
  @Replies.json(ConsistencyProof, 'The consistency proof.')
  @ApiOperation({
    operationId: 'getConsistencyProof',
    summary: 'RFC 9162 consistency proof between the trees of `from` and `to` leaves.',
  })
  consistency(@Query() q: ConsistencyRequestDto) {
    if (q.from > q.to) throw validationFailed([{ field: 'from', message: 'from must not be above to' }]);
    this.requireSize(q.to, 'to');
    const hasher = ledgerHasher(this.runner);
    return { from: q.from, to: q.to, hashes: consistencyPathOf(hasher, q.from, q.to).map(b64) };
  }
}
