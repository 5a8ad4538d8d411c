import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type ComplianceRulebook, DEFAULT_RULEBOOK } from '@ceasefire/mvm';
import { AgreementIdParams } from '../agreements/agreement-id.params';
import { WriteAgreement } from '../agreements/write-agreement.command';
import { plain, utc } from '../shared/validation';
import { Write, type WriteContext } from '../write-path/write-context';
import { writeResponse } from '../write-path/write-response';
import { AdoptRulebookRequestDto } from './adopt-rulebook.request.dto';
import { Replies } from '../http/contract/replies.decorator';
import { Rulebook } from './adopt-rulebook.response.schema';

@ApiTags('compliance')
@ApiBearerAuth()
@Controller('v1/agreements/:id/rulebooks')
export class AdoptRulebookHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Replies.write('The vote, and the adoption once the quorum is met.')
  @ApiOperation({
    operationId: 'adoptRulebook',
    summary:
      'Vote to adopt a versioned compliance rulebook (mediator); adopted once the adoption quorum of institutions backs the same text and date.',
  })
  async adopt(
    @Param() { id }: AgreementIdParams,
    @Body() b: AdoptRulebookRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    const rulebook = plain(b.rulebook) as ComplianceRulebook;
    const cure = {
      afterDaysWithoutRecurrence: b.rulebook.cure.afterDaysWithoutRecurrence ?? null,
      onMeasureFulfilled: b.rulebook.cure.onMeasureFulfilled,
    };
    return writeResponse(
      r,
      await this.commands.execute(
        new WriteAgreement({
          agreementId: id,
          input: { type: 'AdoptRulebook', rulebook: { ...rulebook, cure }, effectiveFrom: utc(b.effectiveFrom) },
          context: c,
        }),
      ),
    );
  }

  @Get('default')
  @Replies.json(Rulebook, 'The default rulebook.')
  @ApiOperation({
    operationId: 'getDefaultRulebook',
    summary: 'The default rulebook, applied until an agreement adopts its own.',
  })
  // The default is the same for every agreement; the id is in the path so it reads beside the agreement's own.
  defaultRulebook(@Param() _params: AgreementIdParams) {
    return DEFAULT_RULEBOOK;
  }
}
