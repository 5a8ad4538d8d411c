import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { ReadYourWritesDto } from '../shared/read-options.dto';
import { CommitmentIdParams } from './commitments.request.dto';
import { commitmentRow } from './commitment.queries';
import { Replies } from '../http/contract/replies.decorator';
import { Commitment } from './get-commitment.response.schema';

@ApiTags('commitments')
@ApiBearerAuth()
@Controller('v1/commitments/:id')
export class GetCommitmentHttpController {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  @Get()
  @Replies.json(Commitment, 'The commitment.')
  @ApiOperation({
    operationId: 'getCommitment',
    summary: 'A commitment with its progress reports and verified total.',
  })
  async get(@Param() { id }: CommitmentIdParams, @Query() q: ReadYourWritesDto) {
    if (q.minPosition) await this.runner.waitFor(q.minPosition, { projections: ['commitments'] });
    const row = commitmentRow(this.runner, id);
    if (!row) throw new NotFoundException(`no commitment ${id}`);
    return { ...JSON.parse(row.state), revision: row.revision, position: row.position };
  }
}
