import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Write, type WriteContext } from '../shared/write-context';
import { writeResponse } from '../shared/write-response';
import { AgreementIdParams } from './agreement-id.params';
import { writeAgreement } from './write-agreement.command';

export class ReasonRequestDto {
  @ApiProperty() @IsString() @Length(1, 4000) reason: string;
}

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('v1/agreements/:id')
export class SuspendOrResumeAgreementHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('suspension')
  @HttpCode(201)
  @ApiOperation({ summary: 'Suspend the agreement (mediator).' })
  async suspend(
    @Param() { id }: AgreementIdParams,
    @Body() b: ReasonRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return writeResponse(r, await writeAgreement(this.commands, id, { type: 'SuspendAgreement', reason: b.reason }, c));
  }

  @Post('resumption')
  @HttpCode(201)
  @ApiOperation({ summary: 'Resume a suspended agreement (mediator).' })
  async resume(
    @Param() { id }: AgreementIdParams,
    @Body() b: ReasonRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return writeResponse(r, await writeAgreement(this.commands, id, { type: 'ResumeAgreement', reason: b.reason }, c));
  }
}
