import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseCosignerKey, verifyCosignature } from '@ceasefire/ledger';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { AgreementIdParams } from './agreement-id.params';
import { AgreementDirectory } from './agreement-directory';
import { CheckpointSigner } from '../ledger/checkpoint-signer';
import { registeredWitnesses } from '../ledger/witnesses.queries';
import { Replies } from '../http/contract/replies.decorator';
import { AgreementCheckpoint } from './agreement-checkpoint.response.schema';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('v1/agreements/:id/checkpoint')
export class AgreementCheckpointHttpController {
  constructor(
    private readonly agreements: AgreementDirectory,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    private readonly checkpoints: CheckpointSigner,
  ) {}

  /** The latest checkpoint as this agreement's k-of-n cosignature policy sees it: final once k named witnesses cosigned. */
  @Get()
  @Replies.json(AgreementCheckpoint, "The latest checkpoint and how far it is cosigned under the agreement's policy.")
  @ApiOperation({
    operationId: 'getAgreementCheckpoint',
    summary:
      "The latest signed checkpoint, its cosigners, and whether the agreement's k-of-n witness policy makes it final.",
  })
  async get(@Param() { id }: AgreementIdParams) {
    const state = await this.agreements.state(id);
    if (state.status === 'NONE') throw new NotFoundException(`no agreement ${id}`);
    const latest = this.checkpoints.latest();
    if (!latest) throw new NotFoundException('no checkpoint has been signed yet');
    const note = this.checkpoints.withCosignatures(latest);
    const body = note.slice(0, note.indexOf('\n\n') + 1);
    const lines = note
      .slice(note.indexOf('\n\n') + 2)
      .split('\n')
      .filter(Boolean)
      .map((l) => `${l}\n`);
    const policy = state.terms.cosignaturePolicy ?? null;
    const witnesses = registeredWitnesses(this.runner);
    // Each cosignature is verified again here: a row in the table is not trusted on its own.
    const cosigners = witnesses
      .filter((w) => lines.some((line) => verifyCosignature(line, body, parseCosignerKey(w.key)) !== undefined))
      .map((w) => w.name);
    const counted = policy ? cosigners.filter((name) => policy.witnesses.includes(name)) : [];
    return { size: latest.size, note, cosigners, policy, final: policy ? counted.length >= policy.k : false };
  }
}
