import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNumber, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { AgreementIdParams } from '../agreements/agreement-id.params';
import { deterministicUuid } from '../shared/deterministic-id';
import { timeOrderedUuid } from '../shared/time-ordered-id';
import { IsUtcTimestamp, LOCAL_ID, PARTY_CODE, SHA256_HEX, UUID, utc } from '../shared/validation';
import { Write, type WriteContext } from '../write-path/write-context';
import { writeResponse } from '../write-path/write-response';
import { WriteCommitment } from './write-commitment.command';

export class DefineCommitmentRequestDto {
  @ApiProperty({ example: 'AF' }) @Matches(PARTY_CODE, { message: 'obligor must be a party code' }) obligor: string;
  @ApiProperty({ example: 'Verifiable action against armed groups operating from its soil' })
  @IsString()
  @Length(1, 500)
  title: string;
  @ApiProperty({ example: 'camps dismantled and documented' }) @IsString() @Length(1, 2000) indicator: string;
  @ApiProperty({ example: 3 }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1e9) target: number;
  @ApiProperty({ example: 'camps' }) @IsString() @Length(1, 100) unit: string;
  @ApiProperty() @IsUtcTimestamp() dueAt: string;
  @ApiProperty({ example: 'geotagged imagery and a monitor visit' })
  @IsString()
  @Length(1, 4000)
  evidenceRequired: string;
}

export class ReportProgressRequestDto {
  @ApiProperty({ example: 'r1' })
  @Matches(LOCAL_ID, { message: 'reportId must be 1–64 letters, digits, ".", "_" or "-"' })
  reportId: string;
  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1e9) quantity: number;
  @ApiProperty() @IsString() @Length(1, 10_000) description: string;
  @ApiProperty({ description: 'SHA-256 hashes of the supporting evidence.' })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(SHA256_HEX, { each: true, message: 'each evidence entry must be a lower-case hex SHA-256' })
  evidence: string[];
}

export class VerifyProgressRequestDto {
  @ApiProperty({ example: 'r1' })
  @Matches(LOCAL_ID, { message: 'reportId must be 1–64 letters, digits, ".", "_" or "-"' })
  reportId: string;
  @ApiProperty({ enum: ['ACCEPTED', 'REJECTED'] }) @IsIn(['ACCEPTED', 'REJECTED']) verdict: 'ACCEPTED' | 'REJECTED';
  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1e9) acceptedQuantity: number;
  @ApiProperty() @IsString() @Length(1, 10_000) note: string;
}

export class CommitmentIdParams {
  @ApiProperty() @Matches(UUID, { message: 'id must be a lower-case UUID' }) id: string;
}

@ApiTags('commitments')
@ApiBearerAuth()
@Controller('v1')
export class CommitmentsHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('agreements/:id/commitments')
  @HttpCode(201)
  @ApiOperation({
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
  @ApiOperation({ summary: 'The obligor reports progress on its own commitment.' })
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
  @ApiOperation({ summary: 'A monitor verifies reported progress, accepting a quantity or rejecting it.' })
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
