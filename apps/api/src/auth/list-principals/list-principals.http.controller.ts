import { Controller, ForbiddenException, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { Actor } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { ReadYourWritesDto } from '../../shared/read-options.dto';
import { UUID } from '../../shared/validation';
import { CurrentActor } from '../current-actor.decorator';
import { listPrincipals } from '../principals.queries';

export class ListPrincipalsRequestDto extends ReadYourWritesDto {
  @ApiPropertyOptional({ description: 'Principals after this id, for the next page.' })
  @IsOptional()
  @Matches(UUID, { message: 'after must be a principal id' })
  after?: string;
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

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
