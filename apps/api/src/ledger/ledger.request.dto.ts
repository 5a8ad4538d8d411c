import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageCursor, PageLimit } from '../http/page-request.dto';

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * A range of leaves: [start, end) as RFC 6962 get-entries asks, or the one pagination convention
 * (?limit= and the `next` cursor of the page before). At most 1000 entries a page.
 */
export class EntriesRequestDto {
  @ApiPropertyOptional({ description: 'First leaf index (default 0, or where the cursor points).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX)
  start?: number;
  @ApiPropertyOptional({ description: 'Exclusive end; at most 1000 entries per page.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX)
  end?: number;
  /** Entries per page when no end is given. */
  @PageLimit(1000, 1000)
  limit?: number;
  @PageCursor()
  cursor?: string;
}

export class InclusionRequestDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(0) @Max(MAX) index: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(MAX) size: number;
}

export class ConsistencyRequestDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(MAX) from: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(MAX) to: number;
}

export class CheckpointSizeParams {
  @ApiProperty({ description: 'The tree size the checkpoint commits to.' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX)
  size: number;
}
