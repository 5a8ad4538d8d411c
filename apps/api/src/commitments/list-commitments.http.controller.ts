import { Controller, Get, Inject, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AgreementDirectory } from '../agreements/agreement-directory';
import { AgreementIdParams } from '../agreements/agreement-id.params';
import { CurrentActor } from '../auth/current-actor.decorator';
import { answerPage, decodeCursor } from '../http/pagination';
import { listCommitments } from './commitment.queries';
import { ListCommitmentsRequestDto } from './list-commitments.request.dto';
import { Replies } from '../http/contract/replies.decorator';
import { CommitmentPage } from './list-commitments.response.schema';

@ApiTags('commitments')
@ApiBearerAuth()
@Controller('v1/agreements/:id/commitments')
export class ListCommitmentsHttpController {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    private readonly agreements: AgreementDirectory,
  ) {}

  @Get()
  @Replies.json(CommitmentPage, 'A page of commitments.', { headers: ['Link'] })
  @ApiOperation({
    operationId: 'listCommitments',
    summary: 'An agreement\'s commitments with progress, by status or obligor; paged with ?cursor= (Link: rel="next").',
  })
  async list(
    @Param() { id }: AgreementIdParams,
    @Query() q: ListCommitmentsRequestDto,
    @CurrentActor() reader: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    // The agreement's own record: its parties and the mechanism, as for its cases shared with the parties.
    if (!(await this.agreements.readableBy(id, reader))) throw new NotFoundException(`no agreement ${id}`);
    if (q.minPosition) await this.runner.waitFor(q.minPosition, { projections: ['commitments'] });
    const limit = q.limit ?? 100;
    const found = listCommitments(this.runner, id, {
      status: q.status,
      obligor: q.obligor,
      after: decodeCursor(q.cursor),
      limit,
    });
    const { items, next } = answerPage(request, reply, found, limit, (c) => c.id);
    return { commitments: items, next };
  }
}
