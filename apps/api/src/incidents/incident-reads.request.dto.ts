import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { INCIDENT_CATEGORIES } from '@ceasefire/mvm';
import { ReadYourWritesDto } from '../shared/read-options.dto';
import { IsUtcTimestamp, PARTY_CODE, POSITION } from '../shared/validation';
import { HISTORY_MAX_PAGE } from './case-history';
import { IncidentIdParams } from './incident-id.params';
import { PageCursor, PageLimit } from '../http/page-request.dto';

const STATUSES = [
  'REPORTED',
  'ADMISSIBLE',
  'INADMISSIBLE',
  'DUPLICATE',
  'UNDER_INVESTIGATION',
  'FINDING_ADOPTED',
  'CLOSED',
];

export class ListIncidentsRequestDto extends ReadYourWritesDto {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: string;
  @ApiPropertyOptional({ description: 'Incidents alleged against or reported by this party.' })
  @IsOptional()
  @Matches(PARTY_CODE, { message: 'party must be a party code' })
  party?: string;
  @ApiPropertyOptional({ enum: INCIDENT_CATEGORIES }) @IsOptional() @IsIn(INCIDENT_CATEGORIES) category?: string;
  @ApiPropertyOptional({ description: 'Occurred at or after.' }) @IsOptional() @IsUtcTimestamp() from?: string;
  @ApiPropertyOptional({ description: 'Occurred at or before.' }) @IsOptional() @IsUtcTimestamp() to?: string;
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
  @ApiPropertyOptional({ description: 'The `next` cursor of the page before.' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  cursor?: string;
}

export class HistoryRequestDto {
  @PageCursor()
  cursor?: string;
  @ApiPropertyOptional({ description: 'Start after this revision of the case (-1: from its first event).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(-1)
  @Max(Number.MAX_SAFE_INTEGER)
  after?: number;
  @PageLimit(HISTORY_MAX_PAGE, 50)
  limit?: number;
  @ApiPropertyOptional({ description: 'Only events at or before this global position: the case as it stood then.' })
  @IsOptional()
  @Matches(POSITION, { message: 'atPosition must be a global position' })
  atPosition?: string;
}

export class HistoryStepParams extends IncidentIdParams {
  @ApiProperty({ description: 'The revision of the step in the case stream (0-based).' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  revision: number;
}
