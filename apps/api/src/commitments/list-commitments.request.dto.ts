import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE } from '../http/pagination';
import { ReadYourWritesDto } from '../shared/read-options.dto';
import { PARTY_CODE } from '../shared/validation';

export class ListCommitmentsRequestDto extends ReadYourWritesDto {
  @ApiPropertyOptional({ enum: ['OPEN', 'MET', 'OVERDUE'] })
  @IsOptional()
  @IsIn(['OPEN', 'MET', 'OVERDUE'])
  status?: string;
  @ApiPropertyOptional({ description: "The obligor's party code: a party's own commitments.", example: 'AF' })
  @IsOptional()
  @Matches(PARTY_CODE, { message: 'obligor must be a party code' })
  obligor?: string;
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
