import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsUtcTimestamp } from '../shared/validation';

export class TimelineRequestDto {
  @ApiPropertyOptional({ description: 'Recorded at or after.' }) @IsOptional() @IsUtcTimestamp() from?: string;
  @ApiPropertyOptional({ description: 'Recorded at or before.' }) @IsOptional() @IsUtcTimestamp() to?: string;
  @ApiPropertyOptional({ enum: ['json', 'ndjson', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'ndjson', 'csv'])
  format?: 'json' | 'ndjson' | 'csv';
}
