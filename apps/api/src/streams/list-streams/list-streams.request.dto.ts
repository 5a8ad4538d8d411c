import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class ListStreamsRequestDto {
  @ApiPropertyOptional({ description: 'Only streams of this category (the part of the name before the first "-").' })
  @IsOptional()
  @Matches(/^[A-Za-z][A-Za-z0-9_]*$/, { message: 'category must be letters, digits or "_", starting with a letter' })
  category?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: 'Page after this stream name.' })
  @IsOptional()
  @Matches(/^[A-Za-z][A-Za-z0-9_]*-.+$/, { message: 'after must be a stream name' })
  after?: string;

  @ApiPropertyOptional({ description: 'Global position the read model must have reached before answering.' })
  @IsOptional()
  @Matches(/^[0-9:]{1,64}$/, { message: 'minPosition must be a global position' })
  minPosition?: string;
}
