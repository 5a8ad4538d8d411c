import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { utc } from '../shared/validation';
import { Write, type WriteContext } from '../write-path/write-context';
import { writeResponse } from '../write-path/write-response';
import { AgreementIdParams, MeetingParams } from './agreement-id.params';
import { WriteAgreement } from './write-agreement.command';
import { ScheduleMeetingRequestDto, RecordMeetingRequestDto } from './meetings.request.dto';
import { Replies } from '../http/contract/replies.decorator';

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('v1/agreements/:id/meetings')
export class MeetingsHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Replies.write('The meeting, scheduled.')
  @ApiOperation({
    operationId: 'scheduleMeeting',
    summary: 'Schedule a meeting of the mechanism (mediator).',
  })
  async schedule(
    @Param() { id }: AgreementIdParams,
    @Body() b: ScheduleMeetingRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    const input = {
      type: 'ScheduleMeeting' as const,
      meetingId: b.meetingId,
      scheduledFor: utc(b.scheduledFor),
      venue: b.venue,
      agenda: [...b.agenda],
    };
    return writeResponse(
      r,
      await this.commands.execute(new WriteAgreement({ agreementId: id, input: input, context: c })),
    );
  }

  @Post(':meetingId/record')
  @HttpCode(201)
  @Replies.write('The meeting and its decisions, recorded.')
  @ApiOperation({
    operationId: 'recordMeeting',
    summary: 'Record that a meeting was held, with its decisions (mediator).',
  })
  async record(
    @Param() { id, meetingId }: MeetingParams,
    @Body() b: RecordMeetingRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    const input = { type: 'RecordMeeting' as const, meetingId, heldAt: utc(b.heldAt), decisions: [...b.decisions] };
    return writeResponse(
      r,
      await this.commands.execute(new WriteAgreement({ agreementId: id, input: input, context: c })),
    );
  }
}
