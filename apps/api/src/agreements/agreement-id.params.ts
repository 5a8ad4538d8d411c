import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { LOCAL_ID, UUID } from '../shared/validation';

export class AgreementIdParams {
  @ApiProperty() @Matches(UUID, { message: 'id must be a lower-case UUID' }) id: string;
}

export class MeetingParams extends AgreementIdParams {
  @ApiProperty()
  @Matches(LOCAL_ID, { message: 'meetingId must be 1–64 letters, digits, ".", "_" or "-"' })
  meetingId: string;
}
