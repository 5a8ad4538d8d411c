import { Controller, ForbiddenException, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { CurrentActor } from '../current-actor.decorator';
import { listPrincipals } from '../principals.queries';
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
}
