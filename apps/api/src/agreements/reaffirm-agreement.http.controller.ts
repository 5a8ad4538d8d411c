import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { IsUtcTimestamp, utc } from '../shared/validation';
import { Write, type WriteContext } from '../shared/write-context';
import { writeResponse } from '../shared/write-response';
import { AgreementIdParams } from './agreement-id.params';
import { WriteAgreement } from './write-agreement.command';

export class ReaffirmAgreementRequestDto {
  @ApiProperty({ example: '2025-10-30T18:00:00Z' }) @IsUtcTimestamp() at: string;
  @ApiProperty({ example: 'Istanbul' }) @IsString() @Length(1, 200) venue: string;
  @ApiProperty() @IsString() @Length(1, 4000) statement: string;
}

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('v1/agreements/:id/reaffirmations')
export class ReaffirmAgreementHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record that the parties reaffirmed the agreement (mediator).' })
  async reaffirm(
    @Param() { id }: AgreementIdParams,
    @Body() body: ReaffirmAgreementRequestDto,
    @Write() context: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(
      new WriteAgreement(
        id,
        () => ({
          type: 'ReaffirmAgreement',
          agreementId: id,
          actor: context.actor,
          now: context.now,
          at: utc(body.at),
          venue: body.venue,
          statement: body.statement,
        }),
        context,
      ),
    );
    return writeResponse(reply, result);
  }
}
