import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { CLASSIFICATION_LEVELS, type ClassificationLevel } from '@ceasefire/mvm';
import { LOCAL_ID, UUID, NotBlank } from '../shared/validation';

export class WitnessDto {
  @ApiProperty({ example: 'Gul Khan' }) @IsString() @Length(1, 300) @NotBlank() name: string;
  @ApiPropertyOptional({ example: '+93 70 000 0000' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  @NotBlank()
  contact?: string;
}

export class RecordInterviewRequestDto {
  @ApiProperty({ example: 'w1' })
  @Matches(LOCAL_ID, { message: 'interviewId must be 1–64 letters, digits, ".", "_" or "-"' })
  interviewId: string;
  @ApiProperty({
    type: WitnessDto,
    description: "Sealed under the witness's own key before it is written: the log holds only ciphertext.",
  })
  @IsObject()
  @ValidateNested()
  @Type(() => WitnessDto)
  witness: WitnessDto;
  @ApiPropertyOptional({ description: 'A protected source, by its reference in the source register.' })
  @IsOptional()
  @Matches(UUID, { message: 'sourceRef must be a source reference' })
  sourceRef?: string;
  @ApiProperty() @IsString() @Length(1, 20_000) @NotBlank() summary: string;
}

export class ClassifyCaseRequestDto {
  @ApiProperty({
    enum: CLASSIFICATION_LEVELS,
    description:
      'PUBLIC: anyone once published; PARTIES: the parties and the mechanism (default); MECHANISM: monitors, mediators, auditors; RESTRICTED: monitors and mediators.',
  })
  @IsIn(CLASSIFICATION_LEVELS)
  level: ClassificationLevel;
  @ApiProperty() @IsString() @Length(1, 2000) @NotBlank() reason: string;
}
