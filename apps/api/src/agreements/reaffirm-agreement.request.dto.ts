import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsUtcTimestamp, NotBlank } from '../shared/validation';

export class ReaffirmAgreementRequestDto {
  @ApiProperty({ example: '2025-10-30T18:00:00Z' }) @IsUtcTimestamp() at: string;
  @ApiProperty({ example: 'Istanbul' }) @IsString() @Length(1, 200) @NotBlank() venue: string;
  @ApiProperty() @IsString() @Length(1, 4000) @NotBlank() statement: string;
}
