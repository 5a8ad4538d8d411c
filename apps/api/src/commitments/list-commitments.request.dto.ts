import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageRequestDto } from '../http/page-request.dto';
import { PARTY_CODE } from '../shared/validation';

export class ListCommitmentsRequestDto extends PageRequestDto {
  @ApiPropertyOptional({ enum: ['OPEN', 'MET', 'OVERDUE'] })
  @IsOptional()
  @IsIn(['OPEN', 'MET', 'OVERDUE'])
  status?: string;
  @ApiPropertyOptional({ description: "The obligor's party code: a party's own commitments.", example: 'AF' })
  @IsOptional()
  @Matches(PARTY_CODE, { message: 'obligor must be a party code' })
  obligor?: string;
}
