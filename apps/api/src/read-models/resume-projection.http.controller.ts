import { Controller, ForbiddenException, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { Matches } from 'class-validator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Replies } from '../http/contract/replies.decorator';
import { ProjectionResumed } from './resume-projection.response.schema';

export class ProjectionNameParams {
  @ApiProperty({ example: 'incident_cases', pattern: '^[a-z][a-z0-9_]{0,63}$' })
  @Matches(/^[a-z][a-z0-9_]{0,63}$/, { message: 'projection must be a read model name such as incident_cases' })
  projection!: string;
}

@ApiTags('operations')
@Controller('v1/read-models')
export class ResumeProjectionHttpController {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  @Post(':projection/resume')
  @HttpCode(200)
  @Replies.json(ProjectionResumed, 'The read model feeds again (it parks again at once if the cause remains).', {
    errors: [404],
  })
  @ApiOperation({
    operationId: 'resumeReadModel',
    summary:
      'Resume a parked read model from its last checkpoint now (admin), instead of waiting for the automatic retry.',
  })
  async resume(@Param() { projection }: ProjectionNameParams, @CurrentActor() actor: Actor) {
    if (actor.role !== 'admin') throw new ForbiddenException('only an admin resumes read models');
    const before = (await this.runner.health()).find((p) => p.projection === projection);
    if (!before) throw new NotFoundException(`no read model ${projection}`);
    if (before.parked) await this.runner.resume(projection);
    const after = (await this.runner.health()).find((p) => p.projection === projection)!;
    return { projection, wasParked: before.parked !== undefined, parked: after.parked !== undefined };
  }
}
