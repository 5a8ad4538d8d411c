import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CreatedResource } from '../http/created-location';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AgreementIdParams } from '../agreements/agreement-id.params';
import { deterministicUuid } from '../shared/deterministic-id';
import { timeOrderedUuid } from '../shared/time-ordered-id';
import { utc } from '../shared/validation';
import { Write, type WriteContext } from '../write-path/write-context';
import { writeResponse } from '../write-path/write-response';
import { WriteCommitment } from './write-commitment.command';
import {
  DefineCommitmentRequestDto,
  ReportProgressRequestDto,
  VerifyProgressRequestDto,
  CommitmentIdParams,
} from './commitments.request.dto';
import { Replies } from '../http/contract/replies.decorator';
import { CreatedReceipt } from '../http/contract/write-receipt.schema';

@ApiTags('commitments')
@ApiBearerAuth()
@Controller('v1')
export class CommitmentsHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('agreements/:id/commitments')
  @HttpCode(201)
  @CreatedResource((b) => `/v1/commitments/${b.id}`)
  @Replies.write('The commitment, defined: its id and the event recorded.', { body: CreatedReceipt })
  @ApiOperation({
    operationId: 'defineCommitment',
    summary:
      'Define a commitment under the agreement: obligor, indicator, target, due date, evidence required (mediator).',
  })
  async define(
    @Param() { id: agreementId }: AgreementIdParams,
    @Body() b: DefineCommitmentRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    const id = c.idempotencyKey ? deterministicUuid(c.idempotencyKey, 'commitment') : timeOrderedUuid();
    const input = {
      type: 'DefineCommitment' as const,
      obligor: b.obligor,
      title: b.title,
      indicator: b.indicator,
      target: b.target,
      unit: b.unit,
      dueAt: utc(b.dueAt),
      evidenceRequired: b.evidenceRequired,
    };
    return writeResponse(
      r,
      await this.commands.execute(
        new WriteCommitment({ commitmentId: id, input: input, context: c, agreementId: agreementId }),
      ),
      { id },
    );
  }

  @Post('commitments/:id/progress')
  @HttpCode(201)
  @Replies.write('The progress report, recorded.')
  @ApiOperation({
    operationId: 'reportCommitmentProgress',
    summary: 'The obligor reports progress on its own commitment.',
  })
  async progress(
    @Param() { id }: CommitmentIdParams,
    @Body() b: ReportProgressRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    const input = {
      type: 'ReportProgress' as const,
      reportId: b.reportId,
      quantity: b.quantity,
      description: b.description,
      evidence: [...b.evidence],
    };
    return writeResponse(
      r,
      await this.commands.execute(new WriteCommitment({ commitmentId: id, input: input, context: c })),
    );
  }

  @Post('commitments/:id/verification')
  @HttpCode(201)
  @Replies.write('The verification, recorded.')
  @ApiOperation({
    operationId: 'verifyCommitmentProgress',
    summary: 'A monitor verifies reported progress, accepting a quantity or rejecting it.',
  })
  async verify(
    @Param() { id }: CommitmentIdParams,
    @Body() b: VerifyProgressRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    const input = {
      type: 'VerifyProgress' as const,
      reportId: b.reportId,
      verdict: b.verdict,
      acceptedQuantity: b.acceptedQuantity,
      note: b.note,
    };
    return writeResponse(
      r,
      await this.commands.execute(new WriteCommitment({ commitmentId: id, input: input, context: c })),
    );
  }
}
