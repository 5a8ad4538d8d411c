import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ReadYourWritesDto } from '../shared/read-options.dto';
import { UUID } from '../shared/validation';

export class PartyObligationsRequestDto extends ReadYourWritesDto {
  @ApiPropertyOptional({ description: 'Only the obligations under this agreement.' })
  @IsOptional()
  @Matches(UUID, { message: 'agreement must be an agreement id' })
  agreement?: string;
}
