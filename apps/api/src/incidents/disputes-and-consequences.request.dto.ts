import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import {
  DISPUTE_GROUNDS,
  type DisputeGrounds,
  describeScale,
  MEASURE_LEVELS,
  MEASURE_MEANINGS,
  type MeasureLevel,
  type Ruling,
  RULINGS,
} from '@ceasefire/mvm';
import { IsUtcTimestamp, LOCAL_ID, PARTY_CODE, NotBlank } from '../shared/validation';
import { ConclusionDto } from './findings.request.dto';

export class FileDisputeRequestDto {
  @ApiProperty({ example: 'd1' })
  @Matches(LOCAL_ID, { message: 'disputeId must be 1–64 letters, digits, ".", "_" or "-"' })
  disputeId: string;
  @ApiProperty({ example: 'f1' })
  @Matches(LOCAL_ID, { message: 'findingId must be 1–64 letters, digits, ".", "_" or "-"' })
  findingId: string;
  @ApiProperty({ enum: DISPUTE_GROUNDS }) @IsIn(DISPUTE_GROUNDS) grounds: DisputeGrounds;
  @ApiProperty() @IsString() @Length(1, 20_000) @NotBlank() statement: string;
}

export class RulingRequestDto {
  @ApiProperty({ enum: RULINGS }) @IsIn(RULINGS) ruling: Ruling;
  @ApiProperty() @IsString() @Length(1, 20_000) @NotBlank() rationale: string;
  @ApiPropertyOptional({ type: ConclusionDto, description: 'The amended conclusion, for AMENDED only.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ConclusionDto)
  amendment?: ConclusionDto;
}

export class RecordMeasureRequestDto {
  @ApiProperty({ example: 'm1' })
  @Matches(LOCAL_ID, { message: 'measureId must be 1–64 letters, digits, ".", "_" or "-"' })
  measureId: string;
  @ApiProperty({ example: 'AF' }) @Matches(PARTY_CODE, { message: 'party must be a party code' }) party: string;
  @ApiProperty({
    enum: MEASURE_LEVELS,
    description: `The consequence ladder, recorded and routed, never enforced: ${describeScale(MEASURE_MEANINGS)}.`,
  })
  @IsIn(MEASURE_LEVELS)
  level: MeasureLevel;
  @ApiProperty() @IsString() @Length(1, 10_000) @NotBlank() description: string;
  @ApiPropertyOptional() @IsOptional() @IsUtcTimestamp() dueAt?: string;
  @ApiPropertyOptional({
    example: 'f1',
    description: "The adopted violation finding it answers; by default the case's latest one attributed to the party.",
  })
  @IsOptional()
  @Matches(LOCAL_ID, { message: 'findingId must be 1–64 letters, digits, ".", "_" or "-"' })
  findingId?: string;
}

export class LiftMeasureRequestDto {
  @ApiProperty() @IsString() @Length(1, 10_000) @NotBlank() reason: string;
}

export class NoteRequestDto {
  @ApiProperty() @IsString() @Length(1, 10_000) @NotBlank() note: string;
}

export class CloseCaseRequestDto {
  @ApiProperty() @IsString() @Length(1, 10_000) @NotBlank() reason: string;
}
