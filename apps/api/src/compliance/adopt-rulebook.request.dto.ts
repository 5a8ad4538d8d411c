import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CONFIDENCES, type Confidence } from '@ceasefire/mvm';
import { IsUtcTimestamp, NotBlank } from '../shared/validation';

const threshold = () => (target: object, key: string) => {
  IsOptional()(target, key);
  IsInt()(target, key);
  Min(1)(target, key);
  Max(1000)(target, key);
};

export class SeverityThresholdsDto {
  @ApiPropertyOptional() @threshold() S0?: number;
  @ApiPropertyOptional() @threshold() S1?: number;
  @ApiPropertyOptional() @threshold() S2?: number;
  @ApiPropertyOptional() @threshold() S3?: number;
  @ApiPropertyOptional() @threshold() S4?: number;
}

export class LevelRuleDto {
  @ApiPropertyOptional({
    type: SeverityThresholdsDto,
    description: 'Counted breaches of one severity that reach the level.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SeverityThresholdsDto)
  breaches?: SeverityThresholdsDto;
  @ApiPropertyOptional({ description: 'Access denials × accessDenialWeight that reach the level.' })
  @threshold()
  accessDenials?: number;
  @ApiPropertyOptional() @threshold() overdueCommitments?: number;
  @ApiPropertyOptional() @threshold() atRiskCommitments?: number;
  @ApiPropertyOptional() @threshold() overdueMeasures?: number;
}

export class LevelsDto {
  @ApiProperty({ type: LevelRuleDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LevelRuleDto)
  SERIOUS_NON_COMPLIANCE: LevelRuleDto;
  @ApiProperty({ type: LevelRuleDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LevelRuleDto)
  NON_COMPLIANT: LevelRuleDto;
  @ApiProperty({ type: LevelRuleDto }) @IsObject() @ValidateNested() @Type(() => LevelRuleDto) CONCERN: LevelRuleDto;
}

export class LabelsDto {
  @ApiProperty() @IsString() @Length(1, 80) @NotBlank() COMPLIANT: string;
  @ApiProperty() @IsString() @Length(1, 80) @NotBlank() CONCERN: string;
  @ApiProperty() @IsString() @Length(1, 80) @NotBlank() NON_COMPLIANT: string;
  @ApiProperty() @IsString() @Length(1, 80) @NotBlank() SERIOUS_NON_COMPLIANCE: string;
}

export class CureDto {
  @ApiPropertyOptional({
    description: 'A breach stops counting this many days after it occurred, if no breach of its category recurs.',
  })
  @threshold()
  afterDaysWithoutRecurrence?: number;
  @ApiProperty({ description: 'A breach stops counting once a measure recorded on it is fulfilled.' })
  @IsBoolean()
  onMeasureFulfilled: boolean;
}

export class RulebookDto {
  @ApiProperty({ example: 'istanbul-1' })
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'rulebook.version must be 1–64 letters, digits, ".", "_" or "-"' })
  version: string;
  @ApiProperty({
    enum: CONFIDENCES,
    description: 'Breaches found with less confidence are listed but not counted (VERIFIED > CREDIBLE > UNVERIFIED).',
  })
  @IsIn(CONFIDENCES)
  minimumConfidence: Confidence;
  @ApiProperty({ example: 1 }) @IsNumber() @Min(0) @Max(100) accessDenialWeight: number;
  @ApiProperty({ example: 14 }) @IsInt() @Min(0) @Max(365) atRiskDays: number;
  @ApiProperty({ type: CureDto }) @IsObject() @ValidateNested() @Type(() => CureDto) cure: CureDto;
  @ApiProperty({ type: LevelsDto }) @IsObject() @ValidateNested() @Type(() => LevelsDto) levels: LevelsDto;
  @ApiProperty({ type: LabelsDto }) @IsObject() @ValidateNested() @Type(() => LabelsDto) labels: LabelsDto;
}

export class AdoptRulebookRequestDto {
  @ApiProperty({ type: RulebookDto }) @IsObject() @ValidateNested() @Type(() => RulebookDto) rulebook: RulebookDto;
  @ApiProperty({ description: 'When it takes effect (valid time); not before its adoption.' })
  @IsUtcTimestamp()
  effectiveFrom: string;
}
