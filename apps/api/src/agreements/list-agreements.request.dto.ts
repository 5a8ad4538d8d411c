import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageRequestDto } from '../http/page-request.dto';
import { PARTY_CODE } from '../shared/validation';

export class ListAgreementsRequestDto extends PageRequestDto {
  @ApiPropertyOptional({ enum: ['ACTIVE', 'SUSPENDED'] }) @IsOptional() @IsIn(['ACTIVE', 'SUSPENDED']) status?: string;
  @ApiPropertyOptional({ description: 'Agreements this party is a party to.', example: 'PK' })
  @IsOptional()
  @Matches(PARTY_CODE, { message: 'party must be a party code' })
  party?: string;
}
