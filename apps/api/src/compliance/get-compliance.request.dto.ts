import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
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
}
