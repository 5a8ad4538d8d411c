import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Write, type WriteContext } from '../shared/write-context';
import { writeResponse } from '../shared/write-response';
import { AgreementIdParams } from './agreement-id.params';
import { WriteAgreement } from './write-agreement.command';

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
    @Body() body: ReasonRequestDto,
    @Write() context: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(
      new WriteAgreement(
        id,
        () => ({
          type: 'SuspendAgreement',
          agreementId: id,
          actor: context.actor,
          now: context.now,
          reason: body.reason,
        }),
        context,
      ),
    );
    return writeResponse(reply, result);
  }

  @Post('resumption')
  @HttpCode(201)
  @ApiOperation({ summary: 'Resume a suspended agreement (mediator).' })
  async resume(
    @Param() { id }: AgreementIdParams,
    @Body() body: ReasonRequestDto,
    @Write() context: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(
      new WriteAgreement(
        id,
        () => ({
          type: 'ResumeAgreement',
          agreementId: id,
          actor: context.actor,
          now: context.now,
          reason: body.reason,
        }),
        context,
      ),
    );
    return writeResponse(reply, result);
  }
}
