import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { IsUtcTimestamp, LOCAL_ID, PARTY_CODE, NotBlank } from '../shared/validation';

export class EmptyRequestDto {}

export class AccessDenialRequestDto {
  @ApiProperty({ example: 'a1' })
  @Matches(LOCAL_ID, { message: 'denialId must be 1–64 letters, digits, ".", "_" or "-"' })
  denialId: string;
  @ApiProperty({ example: 'AF' }) @Matches(PARTY_CODE, { message: 'deniedBy must be a party code' }) deniedBy: string;
  @ApiProperty() @IsUtcTimestamp() at: string;
  @ApiProperty() @IsString() @Length(1, 300) @NotBlank() place: string;
  @ApiProperty() @IsString() @Length(1, 4000) @NotBlank() description: string;
}
