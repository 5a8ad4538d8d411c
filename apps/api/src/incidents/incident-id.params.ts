import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { LOCAL_ID, UUID } from '../shared/validation';

export class IncidentIdParams {
  @ApiProperty() @Matches(UUID, { message: 'id must be a lower-case UUID' }) id: string;
}

export class FindingParams extends IncidentIdParams {
  @ApiProperty()
  @Matches(LOCAL_ID, { message: 'findingId must be 1–64 letters, digits, ".", "_" or "-"' })
  findingId: string;
}

export class DisputeParams extends IncidentIdParams {
  @ApiProperty()
  @Matches(LOCAL_ID, { message: 'disputeId must be 1–64 letters, digits, ".", "_" or "-"' })
  disputeId: string;
}

export class MeasureParams extends IncidentIdParams {
  @ApiProperty()
  @Matches(LOCAL_ID, { message: 'measureId must be 1–64 letters, digits, ".", "_" or "-"' })
  measureId: string;
}
