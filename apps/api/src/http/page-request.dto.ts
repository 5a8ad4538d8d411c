import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { POSITION } from '../shared/validation';
import { MAX_PAGE } from './pagination';

/** The `cursor` query parameter of every paged list: the opaque `next` of the page before. */
export const PageCursor = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'The `next` cursor of the page before.' }),
    IsOptional(),
    IsString(),
    MaxLength(400),
  );

/** A page size from 1 to `max`. */
export const PageLimit = (max: number, fallback: number) =>
  applyDecorators(
    ApiPropertyOptional({ default: fallback, maximum: max }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(max),
  );

/** The one pagination convention's query: a page size up to MAX_PAGE and the opaque cursor of the page before. */
export class CursorPageDto {
  @PageLimit(MAX_PAGE, 100)
  limit?: number;
  @PageCursor()
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
