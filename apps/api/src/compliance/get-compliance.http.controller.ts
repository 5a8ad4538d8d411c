import { BadRequestException, Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { AgreementIdParams } from '../agreements/agreement-id.params';
import { ReadYourWritesDto } from '../shared/read-options.dto';
import { IsUtcTimestamp, POSITION, utc } from '../shared/validation';
import { GetComplianceQuery } from './get-compliance.query';

export class ComplianceRequestDto extends ReadYourWritesDto {
  @ApiPropertyOptional({ description: 'Answer as the record stood at this time.' })
  @IsOptional()
  @IsUtcTimestamp()
  asOf?: string;
  @ApiPropertyOptional({ description: 'Answer as the record stood at this global position.' })
  @IsOptional()
  @Matches(POSITION, { message: 'atPosition must be a global position' })
  atPosition?: string;
}

@ApiTags('compliance')
@ApiBearerAuth()
@Controller('v1/agreements/:id/compliance')
export class GetComplianceHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      "Each party's compliance status with confirmed breaches by severity, pending allegations apart, disputes, access denials, consequences and commitments.",
  })
  get(@Param() { id }: AgreementIdParams, @Query() q: ComplianceRequestDto) {
    if (q.asOf && q.atPosition) throw new BadRequestException('give asOf or atPosition, not both');
    return this.queries.execute(
      new GetComplianceQuery(id, { asOf: q.asOf && utc(q.asOf), atPosition: q.atPosition, minPosition: q.minPosition }),
    );
  }
}
