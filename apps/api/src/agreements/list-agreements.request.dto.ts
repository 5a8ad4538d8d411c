import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE } from '../http/pagination';
import { ReadYourWritesDto } from '../shared/read-options.dto';
import { PARTY_CODE } from '../shared/validation';

export class ListAgreementsRequestDto extends ReadYourWritesDto {
  @ApiPropertyOptional({ enum: ['ACTIVE', 'SUSPENDED'] }) @IsOptional() @IsIn(['ACTIVE', 'SUSPENDED']) status?: string;
  @ApiPropertyOptional({ description: 'Agreements this party is a party to.', example: 'PK' })
  @IsOptional()
  @Matches(PARTY_CODE, { message: 'party must be a party code' })
  party?: string;
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
