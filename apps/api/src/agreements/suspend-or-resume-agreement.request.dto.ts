import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class SuspensionRequestDto {
  @ApiProperty() @IsString() @Length(1, 4000) reason: string;
}
