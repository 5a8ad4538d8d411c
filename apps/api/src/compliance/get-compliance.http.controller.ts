import { BadRequestException, Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AgreementIdParams } from '../agreements/agreement-id.params';
import { utc } from '../shared/validation';
import { GetComplianceQuery } from './get-compliance.query';
import { ComplianceRequestDto } from './get-compliance.request.dto';

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
