import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import {
  type Confidence,
  CONFIDENCE_MEANINGS,
  CONFIDENCES,
  describeScale,
  SEVERITY_MEANINGS,
  FINDING_OUTCOMES,
  type FindingOutcome,
  type Severity,
  SEVERITIES,
} from '@ceasefire/mvm';
import { LOCAL_ID, PARTY_CODE, NotBlank } from '../shared/validation';

export class ConclusionDto {
  @ApiProperty({ enum: FINDING_OUTCOMES }) @IsIn(FINDING_OUTCOMES) outcome: FindingOutcome;
  @ApiProperty({ example: ['AF'] })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(PARTY_CODE, { each: true, message: 'each attributed party must be a party code' })
  attributedParties: string[];
  @ApiPropertyOptional({
    enum: SEVERITIES,
    description: `Required for violations, absent otherwise. ${describeScale(SEVERITY_MEANINGS)}.`,
  })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: Severity;
  @ApiProperty({ enum: CONFIDENCES, description: `${describeScale(CONFIDENCE_MEANINGS)}.` })
  @IsIn(CONFIDENCES)
  confidence: Confidence;
}

export class DraftFindingRequestDto extends ConclusionDto {
  @ApiProperty({ example: 'f1' })
  @Matches(LOCAL_ID, { message: 'findingId must be 1–64 letters, digits, ".", "_" or "-"' })
  findingId: string;
  @ApiProperty() @IsString() @Length(1, 20_000) @NotBlank() rationale: string;
}

export class WithdrawFindingRequestDto {
  @ApiProperty() @IsString() @Length(1, 10_000) @NotBlank() reason: string;
}

export class DissentRequestDto {
  @ApiProperty() @IsString() @Length(1, 10_000) @NotBlank() text: string;
}

export const conclusionOf = (b: ConclusionDto) => ({
  outcome: b.outcome,
  attributedParties: [...b.attributedParties],
  severity: b.severity ?? null,
  confidence: b.confidence,
});
