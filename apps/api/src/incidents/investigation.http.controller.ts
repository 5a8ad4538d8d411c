import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { utc } from '../shared/validation';
import { Write, type WriteContext } from '../write-path/write-context';
import { writeResponse } from '../write-path/write-response';
import { IncidentIdParams } from './incident-id.params';
import { WriteIncident } from './write-incident.command';
import { AccessDenialRequestDto, EmptyRequestDto } from './investigation.request.dto';
import { Replies } from '../http/contract/replies.decorator';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('v1/incidents/:id')
export class InvestigationHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('investigation')
  @HttpCode(201)
  @Replies.write('The investigation, opened.')
  @ApiOperation({
    operationId: 'openInvestigation',
    summary:
      'Open the investigation of an admissible case; its verification deadline follows the agreement terms (monitor).',
  })
  async open(
    @Param() { id }: IncidentIdParams,
    @Body() _b: EmptyRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return writeResponse(
      r,
      await this.commands.execute(
        new WriteIncident({ incidentId: id, input: { type: 'OpenInvestigation' }, context: c }),
      ),
    );
  }

  @Post('access-denials')
  @HttpCode(201)
  @Replies.write('The access denial, recorded.')
  @ApiOperation({
    operationId: 'recordAccessDenial',
    summary: 'Record that a party denied the monitors access; it counts against that party (monitor).',
  })
  async deny(
    @Param() { id }: IncidentIdParams,
    @Body() b: AccessDenialRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    const input = {
      type: 'RecordAccessDenial' as const,
      denialId: b.denialId,
      deniedBy: b.deniedBy,
      at: utc(b.at),
      place: b.place,
      description: b.description,
    };
    return writeResponse(
      r,
      await this.commands.execute(new WriteIncident({ incidentId: id, input: input, context: c })),
    );
  }
}
