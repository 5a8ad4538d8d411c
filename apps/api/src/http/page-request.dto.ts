import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { POSITION } from '../shared/validation';
import { MAX_PAGE } from './pagination';

/** The one pagination convention's query: a page size up to MAX_PAGE and the opaque cursor of the page before. */
export class CursorPageDto {
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

/** A page of a read model: also waits for a write's position first (read-your-writes). */
export class PageRequestDto extends CursorPageDto {
  @ApiPropertyOptional({
    description: 'A position returned by a write: the read waits until the read model has applied it.',
  })
  @IsOptional()
  @Matches(POSITION, { message: 'minPosition must be a global position returned by a write' })
  minPosition?: string;
}
