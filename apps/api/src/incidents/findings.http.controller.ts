import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Write, type WriteContext } from '../write-path/write-context';
import { writeResponse } from '../write-path/write-response';
import { FindingParams, IncidentIdParams } from './incident-id.params';
import { EmptyRequestDto } from './investigation.request.dto';
import { type IncidentCommandInput, WriteIncident } from './write-incident.command';
import {
  DraftFindingRequestDto,
  DissentRequestDto,
  WithdrawFindingRequestDto,
  conclusionOf,
} from './findings.request.dto';
import { Replies } from '../http/contract/replies.decorator';

@ApiTags('findings')
@ApiBearerAuth()
@Controller('v1/incidents/:id/findings')
export class FindingsHttpController {
  constructor(private readonly commands: CommandBus) {}

  private async write(id: string, input: IncidentCommandInput, context: WriteContext, reply: FastifyReply) {
    return writeResponse(
      reply,
      await this.commands.execute(new WriteIncident({ incidentId: id, input: input, context: context })),
    );
  }

  @Post()
  @HttpCode(201)
  @Replies.write('The draft finding, recorded.')
  @ApiOperation({
    operationId: 'draftFinding',
    summary: 'Draft a finding from the investigation (monitor).',
  })
  draft(
    @Param() { id }: IncidentIdParams,
    @Body() b: DraftFindingRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.write(
      id,
      { type: 'DraftFinding', findingId: b.findingId, rationale: b.rationale, ...conclusionOf(b) },
      c,
      r,
    );
  }

  @Post(':findingId/endorsement')
  @HttpCode(201)
  @Replies.write('The endorsement, recorded.')
  @ApiOperation({
    operationId: 'endorseFinding',
    summary: 'Endorse a drafted finding (a monitor other than its drafter).',
  })
  endorse(
    @Param() { id, findingId }: FindingParams,
    @Body() _b: EmptyRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.write(id, { type: 'EndorseFinding', findingId }, c, r);
  }

  @Post(':findingId/adoption')
  @HttpCode(201)
  @Replies.write('The vote, and the adoption once the quorum is met.')
  @ApiOperation({
    operationId: 'adoptFinding',
    summary: "A mediator's adoption vote; the vote reaching the quorum adopts the finding and confirms any breach.",
  })
  adopt(
    @Param() { id, findingId }: FindingParams,
    @Body() _b: EmptyRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.write(id, { type: 'AdoptFinding', findingId }, c, r);
  }

  @Post(':findingId/withdrawal')
  @HttpCode(201)
  @Replies.write('The withdrawal, recorded.')
  @ApiOperation({
    operationId: 'withdrawFinding',
    summary:
      'Withdraw a pending (draft or endorsed) finding (monitor), or return it (mediator), so a new one can be drafted.',
  })
  withdraw(
    @Param() { id, findingId }: FindingParams,
    @Body() b: WithdrawFindingRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.write(id, { type: 'WithdrawFinding', findingId, reason: b.reason }, c, r);
  }

  @Post(':findingId/sharing')
  @HttpCode(201)
  @Replies.write('The draft, shared with the parties.')
  @ApiOperation({
    operationId: 'shareFinding',
    summary: 'Show a pending finding to the parties before adoption (monitor or mediator).',
  })
  share(
    @Param() { id, findingId }: FindingParams,
    @Body() _b: EmptyRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.write(id, { type: 'ShareFinding', findingId }, c, r);
  }

  @Post(':findingId/publication')
  @HttpCode(201)
  @Replies.write('The finding, published.')
  @ApiOperation({
    operationId: 'publishFinding',
    summary: 'Put an adopted finding on the public record (mediator): /v1/public shows it, curated, without a token.',
  })
  publish(
    @Param() { id, findingId }: FindingParams,
    @Body() _b: EmptyRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.write(id, { type: 'PublishFinding', findingId }, c, r);
  }

  @Post(':findingId/dissents')
  @HttpCode(201)
  @Replies.write('The dissent, recorded beside the finding.')
  @ApiOperation({
    operationId: 'recordDissent',
    summary:
      "Record a dissent from a finding, kept beside it, signed as the principal's institution, component or party (parties: adopted findings only).",
  })
  dissent(
    @Param() { id, findingId }: FindingParams,
    @Body() b: DissentRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.write(id, { type: 'RecordDissent', findingId, text: b.text }, c, r);
  }
}
