import { CreatedResource } from '../http/created-location';
import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@ceasefire/mvm';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Write, type WriteContext } from '../write-path/write-context';
import type { WriteResult } from '../write-path/handle-command';
import {
  RegisterSourceRequestDto,
  ShredRequestDto,
  SourceRefParams,
  SubjectKeyParams,
} from './confidential.request.dto';
import { SOURCE_REGISTER, type SourceRegister } from './source-register.store';
import { ShredSubjectKeyCommand } from './write-subject-key.command';
import { Replies } from '../http/contract/replies.decorator';
import { ConfidentialSource, SourceRegistered, SubjectKeyShredded } from './confidential.response.schema';

const requireMechanism = (actor: Actor, action: string) => {
  if (actor.role !== 'monitor' && actor.role !== 'mediator')
    throw new ForbiddenException(`a ${actor.role} may not ${action}; monitors and mediators may`);
};

@ApiTags('confidential record')
@ApiBearerAuth()
@Controller('v1')
export class ConfidentialHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SOURCE_REGISTER) private readonly sources: SourceRegister,
  ) {}

  @Post('sources')
  @HttpCode(201)
  @CreatedResource((b) => `/v1/sources/${b.sourceRef}`)
  @Replies.created(SourceRegistered, 'The source reference and the digest that stands for it.')
  @ApiOperation({
    operationId: 'registerConfidentialSource',
    summary: 'Register a protected source off the log (monitor); returns the reference reports and interviews use.',
  })
  register(@Body() b: RegisterSourceRequestDto, @CurrentActor() actor: Actor) {
    if (actor.role !== 'monitor') throw new ForbiddenException('only a monitor registers protected sources');
    const source = this.sources.register({ ...b, contact: b.contact ?? null, registeredBy: actor.principalId });
    return { sourceRef: source.sourceRef, digest: this.sources.digestOf(source) };
  }

  @Get('sources/:ref')
  @Replies.json(ConfidentialSource, 'The source, for readers cleared for RESTRICTED.')
  @ApiOperation({
    operationId: 'getConfidentialSource',
    summary: 'A protected source (monitors and mediators).',
  })
  get(@Param() { ref }: SourceRefParams, @CurrentActor() actor: Actor) {
    requireMechanism(actor, 'read the source register');
    const source = this.sources.get(ref);
    if (!source) throw new NotFoundException(`no source ${ref}`);
    return source;
  }

  @Post('subject-keys/:kid/shredding')
  @HttpCode(201)
  @Replies.created(SubjectKeyShredded, 'The key is destroyed: what it sealed can never be read again.', {
    writePath: true,
  })
  @ApiOperation({
    operationId: 'shredSubjectKey',
    summary:
      "Erase a subject's personal data by destroying its key (mediator or admin); the record and its proofs still verify.",
  })
  async shred(@Param() { kid }: SubjectKeyParams, @Body() b: ShredRequestDto, @Write() context: WriteContext) {
    const result: WriteResult = await this.commands.execute(
      new ShredSubjectKeyCommand({ subjectKeyId: kid, reason: b.reason, context }),
    );
    return { subjectKeyId: kid, revision: result.revision, position: result.position, events: result.events };
  }
}
