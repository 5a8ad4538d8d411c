import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { utc } from '../shared/validation';
import { Write, type WriteContext } from '../write-path/write-context';
import { writeResponse } from '../write-path/write-response';
import { conclusionOf } from './findings.request.dto';
import { DisputeParams, IncidentIdParams, MeasureParams } from './incident-id.params';
import { type IncidentCommandInput, WriteIncident } from './write-incident.command';
import {
  FileDisputeRequestDto,
  RulingRequestDto,
  RecordMeasureRequestDto,
  NoteRequestDto,
  CloseCaseRequestDto,
  LiftMeasureRequestDto,
} from './disputes-and-consequences.request.dto';
import { Replies } from '../http/contract/replies.decorator';

@ApiTags('disputes and consequences')
@ApiBearerAuth()
@Controller('v1/incidents/:id')
export class DisputesAndConsequencesHttpController {
  constructor(private readonly commands: CommandBus) {}

  private async write(id: string, input: IncidentCommandInput, context: WriteContext, reply: FastifyReply) {
    return writeResponse(
      reply,
      await this.commands.execute(new WriteIncident({ incidentId: id, input: input, context: context })),
    );
  }

  @Post('disputes')
  @HttpCode(201)
  @Replies.write('The dispute, opened.')
  @ApiOperation({
    operationId: 'disputeFinding',
    summary: 'A party disputes an adopted finding that concerns it, within the dispute window.',
  })
  dispute(
    @Param() { id }: IncidentIdParams,
    @Body() b: FileDisputeRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.write(
      id,
      {
        type: 'FileDispute',
        disputeId: b.disputeId,
        findingId: b.findingId,
        grounds: b.grounds,
        statement: b.statement,
      },
      c,
      r,
    );
  }

  @Post('disputes/:disputeId/ruling')
  @HttpCode(201)
  @Replies.write('The vote, and the ruling once the quorum is met.')
  @ApiOperation({
    operationId: 'ruleOnDispute',
    summary: 'Rule on a dispute: upheld, amended, vacated or remanded (mediator).',
  })
  rule(
    @Param() { id, disputeId }: DisputeParams,
    @Body() b: RulingRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    const amendment = b.amendment ? conclusionOf(b.amendment) : null;
    return this.write(
      id,
      { type: 'RuleOnDispute', disputeId, ruling: b.ruling, rationale: b.rationale, amendment },
      c,
      r,
    );
  }

  @Post('measures')
  @HttpCode(201)
  @Replies.write('The vote, and the measure once the quorum is met.')
  @ApiOperation({
    operationId: 'decideMeasure',
    summary:
      'Record a consequence on the L0–L5 ladder against the party of a confirmed breach (mediator). Recorded, never enforced.',
  })
  measure(
    @Param() { id }: IncidentIdParams,
    @Body() b: RecordMeasureRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.write(
      id,
      {
        type: 'RecordMeasure',
        measureId: b.measureId,
        party: b.party,
        level: b.level,
        description: b.description,
        dueAt: b.dueAt ? utc(b.dueAt) : null,
        ...(b.findingId ? { findingId: b.findingId } : {}),
      },
      c,
      r,
    );
  }

  @Post('measures/:measureId/fulfilment')
  @HttpCode(201)
  @Replies.write('The fulfilment, recorded.')
  @ApiOperation({
    operationId: 'fulfilMeasure',
    summary: 'Record that a consequence was fulfilled (mediators, monitors), whether or not the case is closed.',
  })
  fulfil(
    @Param() { id, measureId }: MeasureParams,
    @Body() b: NoteRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.write(id, { type: 'RecordMeasureFulfilment', measureId, note: b.note }, c, r);
  }

  @Post('measures/:measureId/lifting')
  @HttpCode(201)
  @Replies.write('The lifting, recorded.')
  @ApiOperation({
    operationId: 'liftMeasure',
    summary: 'Lift a consequence before it is fulfilled, with the reason (mediator), even after closure.',
  })
  lift(
    @Param() { id, measureId }: MeasureParams,
    @Body() b: LiftMeasureRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.write(id, { type: 'LiftMeasure', measureId, reason: b.reason }, c, r);
  }

  @Post('closure')
  @HttpCode(201)
  @Replies.write('The case, closed.')
  @ApiOperation({
    operationId: 'closeCase',
    summary: 'Close the case; not while a dispute is open (mediator). Outstanding consequences stay owed.',
  })
  close(
    @Param() { id }: IncidentIdParams,
    @Body() b: CloseCaseRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.write(id, { type: 'CloseCase', reason: b.reason }, c, r);
  }
}
