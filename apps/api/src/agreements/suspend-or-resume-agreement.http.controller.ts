import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Write, type WriteContext } from '../write-path/write-context';
import { writeResponse } from '../write-path/write-response';
import { AgreementIdParams } from './agreement-id.params';
import { WriteAgreement } from './write-agreement.command';
import { SuspensionRequestDto } from './suspend-or-resume-agreement.request.dto';
import { Replies } from '../http/contract/replies.decorator';

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('v1/agreements/:id')
export class SuspendOrResumeAgreementHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('suspension')
  @HttpCode(201)
  @Replies.write('The suspension, recorded.')
  @ApiOperation({
    operationId: 'suspendAgreement',
    summary: 'Suspend the agreement (mediator).',
  })
  async suspend(
    @Param() { id }: AgreementIdParams,
    @Body() b: SuspensionRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return writeResponse(
      r,
      await this.commands.execute(
        new WriteAgreement({ agreementId: id, input: { type: 'SuspendAgreement', reason: b.reason }, context: c }),
      ),
    );
  }

  @Post('resumption')
  @HttpCode(201)
  @Replies.write('The resumption, recorded.')
  @ApiOperation({
    operationId: 'resumeAgreement',
    summary: 'Resume a suspended agreement (mediator).',
  })
  async resume(
    @Param() { id }: AgreementIdParams,
    @Body() b: SuspensionRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return writeResponse(
      r,
      await this.commands.execute(
        new WriteAgreement({ agreementId: id, input: { type: 'ResumeAgreement', reason: b.reason }, context: c }),
      ),
    );
  }
}
