import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Length, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { IsUtcTimestamp, LOCAL_ID, utc } from '../shared/validation';
import { Write, type WriteContext } from '../write-path/write-context';
import { writeResponse } from '../write-path/write-response';
import { AgreementIdParams, MeetingParams } from './agreement-id.params';
import { WriteAgreement } from './write-agreement.command';

export class ScheduleMeetingRequestDto {
  @ApiProperty({ example: 'istanbul-2' })
  @Matches(LOCAL_ID, { message: 'meetingId must be 1–64 letters, digits, ".", "_" or "-"' })
  meetingId: string;
  @ApiProperty({ example: '2025-11-06T09:00:00Z' }) @IsUtcTimestamp() scheduledFor: string;
  @ApiProperty({ example: 'Istanbul' }) @IsString() @Length(1, 200) venue: string;
  @ApiProperty({ example: ['MVM modalities'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  agenda: string[];
}

export class RecordMeetingRequestDto {
  @ApiProperty({ example: '2025-11-06T09:00:00Z' }) @IsUtcTimestamp() heldAt: string;
  @ApiProperty({ example: ['Parties to meet again'] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 4000, { each: true })
  decisions: string[];
}

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('v1/agreements/:id/meetings')
export class MeetingsHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Schedule a meeting of the mechanism (mediator).' })
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
  @ApiOperation({ summary: 'Record that a meeting was held, with its decisions (mediator).' })
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
