import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { AgreementDirectory } from '../agreements/agreement-directory';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ReadYourWritesDto } from '../shared/read-options.dto';
import { CommitmentIdParams } from './commitments.request.dto';
import { commitmentRow } from './commitment.queries';
import { Replies } from '../http/contract/replies.decorator';
import { Commitment } from './get-commitment.response.schema';

@ApiTags('commitments')
@ApiBearerAuth()
@Controller('v1/commitments/:id')
export class GetCommitmentHttpController {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    private readonly agreements: AgreementDirectory,
  ) {}

  @Get()
  @Replies.json(Commitment, 'The commitment.')
  @ApiOperation({
    operationId: 'getCommitment',
    summary: "A commitment with its progress reports and verified total (its agreement's parties and the mechanism).",
  })
  async get(@Param() { id }: CommitmentIdParams, @Query() q: ReadYourWritesDto, @CurrentActor() reader: Actor) {
    if (q.minPosition) await this.runner.waitFor(q.minPosition, { projections: ['commitments'] });
    const row = commitmentRow(this.runner, id);
    const state = row && (JSON.parse(row.state) as { agreementId: string });
    // Read as the agreement's commitment list is: a reader outside its parties and the mechanism finds nothing.
    if (!row || !state || !(await this.agreements.readableBy(state.agreementId, reader)))
      throw new NotFoundException(`no commitment ${id}`);
    return { ...state, revision: row.revision, position: row.position };
  }
}
