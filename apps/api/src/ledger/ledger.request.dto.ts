import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

const MAX = Number.MAX_SAFE_INTEGER;

export class EntriesRequestDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(0) @Max(MAX) start: number;
  @ApiProperty({ description: 'Exclusive; at most 1000 entries per page.' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX)
  end: number;
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
