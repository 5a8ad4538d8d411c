import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { answerNotModified, contentEtag } from '../http/conditional-get';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@ceasefire/mvm';
import { AgreementIdParams } from '../agreements/agreement-id.params';
import { CurrentActor } from '../auth/current-actor.decorator';
import { utc } from '../shared/validation';
import { GetComplianceQuery } from './get-compliance.query';
import { ComplianceRequestDto } from './get-compliance.request.dto';
import { Replies } from '../http/contract/replies.decorator';
import { Compliance } from './get-compliance.response.schema';
import { validationFailed } from '../http/validation-failed';

@ApiTags('compliance')
@ApiBearerAuth()
@Controller('v1/agreements/:id/compliance')
export class GetComplianceHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Replies.json(Compliance, "Each party's compliance status with its reasons.", {
    headers: ['ETag'],
    notModified: true,
  })
  @ApiOperation({
    operationId: 'getCompliance',
    summary:
      "Each party's compliance status under the agreement's rulebook in force, with the reasons (rules fired and the findings, denials, commitments or measures behind them), breaches by severity, pending allegations apart, disputes, consequences and commitments. As of a time or position, or over a period of valid time.",
  })
  async get(
    @Param() { id }: AgreementIdParams,
    @Query() q: ComplianceRequestDto,
    @CurrentActor() reader: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (q.asOf && q.atPosition)
      throw validationFailed([{ field: 'atPosition', message: 'atPosition and asOf cut the record twice: give one' }]);
    if ((q.from === undefined) !== (q.to === undefined))
      throw validationFailed([
        { field: q.from === undefined ? 'from' : 'to', message: 'from and to go together: give both, or windowDays' },
      ]);
    if (q.from && q.windowDays)
      throw validationFailed([{ field: 'windowDays', message: 'windowDays or from and to: give one, not both' }]);
    const period = q.from && q.to ? { from: utc(q.from), to: utc(q.to) } : undefined;
    if (period && period.from >= period.to)
      throw validationFailed([{ field: 'from', message: 'from must be before to' }]);
    const answer = await this.queries.execute(
      new GetComplianceQuery(id, reader, {
        asOf: q.asOf && utc(q.asOf),
        atPosition: q.atPosition,
        minPosition: q.minPosition,
        period,
        windowDays: q.windowDays,
      }),
    );
    // The answer depends on the clock as well as the record: its ETag is the hash of what it says, weak
    // because two answers that differ only in the moment they were evaluated at (asOf) say the same.
    const { asOf: _evaluatedAt, ...said } = answer;
    if (answerNotModified(request, reply, `W/${contentEtag(said)}`)) return;
    return answer;
  }
}
