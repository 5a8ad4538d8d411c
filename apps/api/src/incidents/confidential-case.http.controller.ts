import { Body, Controller, HttpCode, Inject, Param, Post, Res, UnprocessableEntityException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { sealNew } from '../confidential/sealing';
import { SOURCE_REGISTER, type SourceRegister } from '../confidential/source-register.store';
import { SUBJECT_KEYS, type SubjectKeyStore } from '../confidential/subject-key.store';
import { plain } from '../shared/validation';
import { Write, type WriteContext } from '../write-path/write-context';
import { writeResponse } from '../write-path/write-response';
import { IncidentIdParams } from './incident-id.params';
import { ClassifyCaseRequestDto, RecordInterviewRequestDto } from './interviews.request.dto';
import { WriteIncident } from './write-incident.command';
import { Replies } from '../http/contract/replies.decorator';

@ApiTags('confidential record')
@ApiBearerAuth()
@Controller('v1/incidents/:id')
export class ConfidentialCaseHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SUBJECT_KEYS) private readonly keys: SubjectKeyStore,
    @Inject(SOURCE_REGISTER) private readonly sources: SourceRegister,
  ) {}

  @Post('interviews')
  @HttpCode(201)
  @Replies.write('The interview, recorded with the witness sealed.')
  @ApiOperation({
    operationId: 'recordInterview',
    summary:
      "Record an interview (monitor). The witness's identity is sealed under a key of its own (returned as subjectKeyId), which erasure destroys.",
  })
  async interview(
    @Param() { id }: IncidentIdParams,
    @Body() b: RecordInterviewRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    const registered = b.sourceRef ? this.sources.get(b.sourceRef) : undefined;
    if (b.sourceRef && !registered)
      throw new UnprocessableEntityException({
        message: `sourceRef ${b.sourceRef} is not in the source register`,
        field: 'sourceRef',
      });
    const witness = sealNew(this.keys, 'witness', plain(b.witness));
    const source = registered ? { ref: registered.sourceRef, digest: this.sources.digestOf(registered) } : null;
    const result = await this.commands.execute(
      new WriteIncident({
        incidentId: id,
        input: { type: 'RecordInterview', interviewId: b.interviewId, witness, source, summary: b.summary },
        context: c,
      }),
    );
    return writeResponse(r, result, { subjectKeyId: witness.sealed.kid });
  }

  @Post('classification')
  @HttpCode(201)
  @Replies.write('The classification, recorded.')
  @ApiOperation({
    operationId: 'classifyCase',
    summary: 'Set who may read the case (monitor or mediator; PUBLIC by a mediator only).',
  })
  async classify(
    @Param() { id }: IncidentIdParams,
    @Body() b: ClassifyCaseRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return writeResponse(
      r,
      await this.commands.execute(
        new WriteIncident({
          incidentId: id,
          input: { type: 'ClassifyCase', level: b.level, reason: b.reason },
          context: c,
        }),
      ),
    );
  }
}
