import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { answerPage, decodeCursor } from '../http/pagination';
import { listAgreements } from './agreement-list.queries';
import { ListAgreementsRequestDto } from './list-agreements.request.dto';
import { Replies } from '../http/contract/replies.decorator';
import { AgreementPage } from './list-agreements.response.schema';

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('v1/agreements')
export class ListAgreementsHttpController {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  @Get()
  @Replies.json(AgreementPage, 'A page of agreements.', { headers: ['Link'] })
  @ApiOperation({
    operationId: 'listAgreements',
    summary:
      'Agreements in the order they were registered, by status or party; paged with ?cursor= (Link: rel="next").',
  })
  async list(
    @Query() q: ListAgreementsRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (q.minPosition) await this.runner.waitFor(q.minPosition, { projections: ['agreement_list'] });
    const limit = q.limit ?? 100;
    const found = listAgreements(this.runner, {
      status: q.status,
      party: q.party,
      after: decodeCursor(q.cursor),
      limit,
    });
    const { items, next } = answerPage(request, reply, found, limit, (a) => a.registeredPosition);
    return { agreements: items.map(({ registeredPosition: _r, ...a }) => a), next };
  }
}
