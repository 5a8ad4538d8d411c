import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { UUID, NotBlank } from '../../shared/validation';

export class PrincipalIdParams {
  @ApiProperty() @Matches(UUID, { message: 'id must be a principal id (a lower-case UUID)' }) id: string;
}

export class PrincipalChangeRequestDto {
  @ApiProperty({ example: 'Liaison officer replaced' }) @IsString() @Length(1, 2000) @NotBlank() reason: string;
}
