import { Controller, ForbiddenException, Get, Inject, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { answerPage, decodeCursor } from '../../http/pagination';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { CurrentActor } from '../current-actor.decorator';
import { listPrincipals, principalById } from '../principals.queries';
import { PrincipalIdParams } from '../principal-lifecycle/principal-lifecycle.request.dto';
import { ListPrincipalsRequestDto } from './list-principals.request.dto';
import { Replies } from '../../http/contract/replies.decorator';
import { Principal, PrincipalPage } from './list-principals.response.schema';

@ApiTags('access')
@ApiBearerAuth()
@Controller('v1/principals')
export class ListPrincipalsHttpController {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  @Get()
  @Replies.json(PrincipalPage, 'A page of principals.', { headers: ['Link'] })
  @ApiOperation({
    operationId: 'listPrincipals',
    summary:
      'List principals with role, institution or component, scope and status (admin). Token hashes are never shown.',
  })
  async list(
    @Query() q: ListPrincipalsRequestDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (actor.role !== 'admin') throw new ForbiddenException('only an admin lists principals');
    if (q.minPosition) await this.runner.waitFor(q.minPosition, { projections: ['principals'] });
    const limit = q.limit ?? 100;
    const found = listPrincipals(this.runner, { after: decodeCursor(q.cursor), limit });
    const page = answerPage(request, reply, found, limit, (p) => p.id);
    return { principals: page.items, next: page.next };
  }

  @Get(':id')
  @Replies.json(Principal, 'The principal.')
  @ApiOperation({
    operationId: 'getPrincipal',
    summary: 'One principal: role, institution or component, scope and status (admin).',
  })
  async get(@Param() { id }: PrincipalIdParams, @CurrentActor() actor: Actor) {
    if (actor.role !== 'admin') throw new ForbiddenException('only an admin reads principals');
    const found = principalById(this.runner, id);
    if (!found) throw new NotFoundException(`no principal ${id}`);
    return found;
  }
}
