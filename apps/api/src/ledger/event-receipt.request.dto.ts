import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { UUID } from '../shared/validation';

export class EventIdParams {
  @ApiProperty() @Matches(UUID, { message: 'eventId must be a lower-case UUID' }) eventId: string;
}
