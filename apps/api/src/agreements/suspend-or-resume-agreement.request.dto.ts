import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { NotBlank } from '../shared/validation';

export class SuspensionRequestDto {
  @ApiProperty() @IsString() @Length(1, 4000) @NotBlank() reason: string;
}
