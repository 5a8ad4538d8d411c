import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ReadYourWritesDto } from '../../shared/read-options.dto';
import { UUID } from '../../shared/validation';

export class ListPrincipalsRequestDto extends ReadYourWritesDto {
  @ApiPropertyOptional({ description: 'Principals after this id, for the next page.' })
  @IsOptional()
  @Matches(UUID, { message: 'after must be a principal id' })
  after?: string;
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
