import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ReadYourWritesDto } from '../shared/read-options.dto';
import { IsUtcTimestamp, POSITION } from '../shared/validation';

export class ComplianceRequestDto extends ReadYourWritesDto {
  @ApiPropertyOptional({ description: 'Answer as the record stood at this time.' })
  @IsOptional()
  @IsUtcTimestamp()
  asOf?: string;
  @ApiPropertyOptional({ description: 'Answer as the record stood at this global position.' })
  @IsOptional()
  @Matches(POSITION, { message: 'atPosition must be a global position' })
  atPosition?: string;
  @ApiPropertyOptional({ description: 'Count only what occurred from this time (valid time); needs `to`.' })
  @IsOptional()
  @IsUtcTimestamp()
  from?: string;
  @ApiPropertyOptional({ description: 'Count only what occurred before this time (valid time); needs `from`.' })
  @IsOptional()
  @IsUtcTimestamp()
  to?: string;
  @ApiPropertyOptional({ description: 'A rolling window: what occurred in the last N days before asOf (or now).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  windowDays?: number;
}
