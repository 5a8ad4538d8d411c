import { Controller, ForbiddenException, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { CurrentActor } from '../current-actor.decorator';
import { listPrincipals, principalById } from '../principals.queries';
import { PrincipalIdParams } from '../principal-lifecycle/principal-lifecycle.request.dto';
import { ListPrincipalsRequestDto } from './list-principals.request.dto';

@ApiTags('access')
@ApiBearerAuth()
@Controller('v1/principals')
export class ListPrincipalsHttpController {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  @Get()
  @ApiOperation({
    summary:
      'List principals with role, institution or component, scope and status (admin). Token hashes are never shown.',
  })
  async list(@Query() q: ListPrincipalsRequestDto, @CurrentActor() actor: Actor) {
    if (actor.role !== 'admin') throw new ForbiddenException('only an admin lists principals');
    if (q.minPosition) await this.runner.waitFor(q.minPosition, { projections: ['principals'] });
    const limit = q.limit ?? 100;
    const principals = listPrincipals(this.runner, { after: q.after, limit });
    return { principals, next: principals.length === limit ? principals.at(-1)?.id : null };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One principal: role, institution or component, scope and status (admin).' })
  async get(@Param() { id }: PrincipalIdParams, @CurrentActor() actor: Actor) {
    if (actor.role !== 'admin') throw new ForbiddenException('only an admin reads principals');
    const found = principalById(this.runner, id);
    if (!found) throw new NotFoundException(`no principal ${id}`);
    return found;
  }
}
