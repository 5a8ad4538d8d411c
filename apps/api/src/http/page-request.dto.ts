import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ReadYourWritesDto } from '../shared/read-options.dto';
import { MAX_PAGE } from './pagination';

/** The one pagination convention's query: a page size up to MAX_PAGE and the opaque cursor of the page before. */
export class PageRequestDto extends ReadYourWritesDto {
  @ApiPropertyOptional({ default: 100, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  limit?: number;
  @ApiPropertyOptional({ description: 'The `next` cursor of the page before.' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  cursor?: string;
}
