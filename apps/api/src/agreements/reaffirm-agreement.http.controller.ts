import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { utc } from '../shared/validation';
import { Write, type WriteContext } from '../write-path/write-context';
import { writeResponse } from '../write-path/write-response';
import { AgreementIdParams } from './agreement-id.params';
import { WriteAgreement } from './write-agreement.command';
import { ReaffirmAgreementRequestDto } from './reaffirm-agreement.request.dto';
import { Replies } from '../http/contract/replies.decorator';

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('v1/agreements/:id/reaffirmations')
export class ReaffirmAgreementHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Replies.write('The reaffirmation, recorded.')
  @ApiOperation({
    operationId: 'reaffirmAgreement',
    summary: 'Record that the parties reaffirmed the agreement (mediator).',
  })
  async reaffirm(
    @Param() { id }: AgreementIdParams,
    @Body() b: ReaffirmAgreementRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    const input = { type: 'ReaffirmAgreement' as const, at: utc(b.at), venue: b.venue, statement: b.statement };
    return writeResponse(
      r,
      await this.commands.execute(new WriteAgreement({ agreementId: id, input: input, context: c })),
    );
  }
}
