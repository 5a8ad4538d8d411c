import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { NotBlank } from '../shared/validation';

export class RegisterSourceRequestDto {
  @ApiProperty({ description: 'Who the source is; kept off the log.' })
  @IsString()
  @Length(1, 500)
  @NotBlank()
  identity: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) @NotBlank() contact?: string;
  @ApiProperty({ enum: ['GIVEN', 'LIMITED', 'WITHDRAWN'] }) @IsIn(['GIVEN', 'LIMITED', 'WITHDRAWN']) consent:
    'GIVEN' | 'LIMITED' | 'WITHDRAWN';
  @ApiProperty({ enum: ['LOW', 'MEDIUM', 'HIGH'] }) @IsIn(['LOW', 'MEDIUM', 'HIGH']) risk: 'LOW' | 'MEDIUM' | 'HIGH';
}

export class SourceRefParams {
  @ApiProperty()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    message: 'ref must be a source reference',
  })
  ref: string;
}

export class SubjectKeyParams {
  @ApiProperty() @Matches(/^[0-9a-f]{32}$/, { message: 'kid must be a subject key id (32 hex)' }) kid: string;
}

export class ShredRequestDto {
  @ApiProperty({ example: 'Erasure requested by the witness through the MVM secretariat' })
  @IsString()
  @Length(1, 2000)
  @NotBlank()
  reason: string;
}
