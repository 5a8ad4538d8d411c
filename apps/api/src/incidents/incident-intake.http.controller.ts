import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Write, type WriteContext } from '../write-path/write-context';
import { writeResponse } from '../write-path/write-response';
import { IncidentIdParams } from './incident-id.params';
import { type IncidentCommandInput, WriteIncident } from './write-incident.command';
import { RegisterEvidenceRequestDto, TriageRequestDto, RespondRequestDto } from './incident-intake.request.dto';
import { Replies } from '../http/contract/replies.decorator';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('v1/incidents/:id')
export class IncidentIntakeHttpController {
  constructor(private readonly commands: CommandBus) {}

  private async write(id: string, input: IncidentCommandInput, context: WriteContext, reply: FastifyReply) {
    return writeResponse(
      reply,
      await this.commands.execute(new WriteIncident({ incidentId: id, input: input, context: context })),
    );
  }

  @Post('evidence')
  @HttpCode(201)
  @Replies.write('The evidence, registered by its hash.')
  @ApiOperation({
    operationId: 'registerEvidence',
    summary: 'Register evidence by its SHA-256 hash (parties, monitors, mediators).',
  })
  evidence(
    @Param() { id }: IncidentIdParams,
    @Body() b: RegisterEvidenceRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.write(
      id,
      {
        type: 'RegisterEvidence',
        evidenceId: b.evidenceId,
        sha256: b.sha256,
        mediaType: b.mediaType,
        custodian: b.custodian,
        description: b.description,
      },
      c,
      r,
    );
  }

  @Post('triage')
  @HttpCode(201)
  @Replies.write('The triage decision, recorded.')
  @ApiOperation({
    operationId: 'triageIncident',
    summary: 'Triage the allegation: admissible, inadmissible or duplicate (monitors, mediators).',
  })
  triage(
    @Param() { id }: IncidentIdParams,
    @Body() b: TriageRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.write(
      id,
      { type: 'TriageIncident', decision: b.decision, duplicateOf: b.duplicateOf ?? null, reason: b.reason },
      c,
      r,
    );
  }

  @Post('responses')
  @HttpCode(201)
  @Replies.write('The response, recorded.')
  @ApiOperation({
    operationId: 'respondToAllegation',
    summary: 'The accused party answers: acknowledge, deny or counter-claim.',
  })
  respond(
    @Param() { id }: IncidentIdParams,
    @Body() b: RespondRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.write(id, { type: 'RespondToAllegation', response: b.response, statement: b.statement }, c, r);
  }
}
