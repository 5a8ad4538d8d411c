import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { POSITION } from './validation';

export class ReadYourWritesDto {
  @ApiPropertyOptional({
    description: 'A position returned by a write: the read waits until the read model has applied it.',
  })
  @IsOptional()
  @Matches(POSITION, { message: 'minPosition must be a global position returned by a write' })
  minPosition?: string;
}
