import { SYSTEM_ACTOR } from '@ceasefire/mvm';
import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { AgreementIdParams } from '../agreements/agreement-id.params';
import { WriteAgreement } from '../agreements/write-agreement.command';
import { IsUtcTimestamp, LOCAL_ID, utc, NotBlank } from '../shared/validation';
import { Write, type WriteContext } from '../write-path/write-context';
import { writeResponse } from '../write-path/write-response';
import { type ComplianceAnswer, GetComplianceQuery } from './get-compliance.query';
import { Replies } from '../http/contract/replies.decorator';

export class PublishComplianceStatementRequestDto {
  @ApiProperty({ example: 'istanbul-2025-11' })
  @Matches(LOCAL_ID, { message: 'statementId must be 1–64 letters, digits, ".", "_" or "-"' })
  statementId: string;
  @ApiPropertyOptional({ description: 'The moment the statement speaks of (default: now).' })
  @IsOptional()
  @IsUtcTimestamp()
  asOf?: string;
  @ApiProperty() @IsString() @Length(1, 20_000) @NotBlank() text: string;
}

@ApiTags('compliance')
@ApiBearerAuth()
@Controller('v1/agreements/:id/compliance-statements')
export class PublishComplianceStatementHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** The statuses are the compliance report's at asOf, under the rulebook then in force, not typed in. */
  @Post()
  @HttpCode(201)
  @Replies.write('The statement, published.')
  @ApiOperation({
    operationId: 'publishComplianceStatement',
    summary:
      "Publish a compliance statement (mediator): each party's status and label as of a moment, with a text; public at /v1/public/agreements/:id/compliance-statements.",
  })
  async publish(
    @Param() { id }: AgreementIdParams,
    @Body() b: PublishComplianceStatementRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    const asOf = b.asOf ? utc(b.asOf) : c.now;
    // Read as the mechanism: who may publish is the decider's to say (a 403 naming the rule), not a 404 here.
    const report: ComplianceAnswer = await this.queries.execute(
      new GetComplianceQuery(id, SYSTEM_ACTOR, b.asOf ? { asOf } : {}),
    );
    const statuses = report.parties.map((p) => ({ party: p.party, status: p.status, label: p.label }));
    return writeResponse(
      r,
      await this.commands.execute(
        new WriteAgreement({
          agreementId: id,
          input: {
            type: 'PublishComplianceStatement',
            statementId: b.statementId,
            asOf,
            rulebookVersion: report.rulebook.version,
            statuses,
            text: b.text,
          },
          context: c,
        }),
      ),
    );
  }
}
