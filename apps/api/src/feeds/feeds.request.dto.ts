import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { SEVERITIES } from '@ceasefire/mvm';
import { PARTY_CODE, POSITION, UUID } from '../shared/validation';

export class FeedRequestDto {
  @ApiPropertyOptional({ description: 'Resume after this global position (or send Last-Event-ID).' })
  @IsOptional()
  @Matches(POSITION, { message: 'after must be a global position' })
  after?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(UUID, { message: 'agreement must be a lower-case UUID' })
  agreement?: string;
}

export class BreachFeedRequestDto extends FeedRequestDto {
  @ApiPropertyOptional({ description: 'Only events concerning this party.' })
  @IsOptional()
  @Matches(PARTY_CODE, { message: 'party must be a party code like PK' })
  party?: string;

  @ApiPropertyOptional({
    enum: SEVERITIES,
    description:
      'Drop breaches below this severity; events without a severity (access denials, measures, missed deadlines) pass.',
  })
  @IsOptional()
  @IsIn(SEVERITIES, { message: `minSeverity must be one of ${SEVERITIES.join(', ')}` })
  minSeverity?: string;
}

export class EventFeedRequestDto extends FeedRequestDto {
  @ApiPropertyOptional({ description: 'Comma-separated event types, e.g. IncidentReported,BreachConfirmed.' })
  @IsOptional()
  @Matches(/^[A-Za-z]+(,[A-Za-z]+)*$/, { message: 'types must be comma-separated event types' })
  types?: string;
}
