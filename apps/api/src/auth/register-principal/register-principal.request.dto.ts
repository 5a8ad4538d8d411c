import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { UUID, NotBlank } from '../../shared/validation';
import { type Role, ROLES } from '@ceasefire/mvm';

export class RegisterPrincipalRequestDto {
  @ApiProperty({ example: 'Pakistan liaison officer' })
  @IsString()
  @Length(1, 200)
  @NotBlank()
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ description: 'Party code; required for role "party", forbidden otherwise.', example: 'PK' })
  @IsOptional()
  @Matches(/^[A-Z]{2,8}$/, { message: 'party must be an upper-case party code' })
  @MaxLength(8)
  party?: string;

  @ApiPropertyOptional({
    description: 'Mediator institution (a mediator code of its agreements, e.g. TR); required for role "mediator".',
    example: 'TR',
  })
  @IsOptional()
  @Matches(/^[A-Z]{2,8}$/, { message: 'institution must be an upper-case mediator code' })
  institution?: string;

  @ApiPropertyOptional({ description: 'Monitoring component, for role "monitor".', example: 'JMC-NORTH' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'component must be 1–64 letters, digits, ".", "_" or "-"' })
  component?: string;

  @ApiPropertyOptional({ description: 'When given, the only agreements the principal may act in.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(UUID, { each: true, message: 'each of agreements must be an agreement id (a lower-case UUID)' })
  agreements?: string[];
}
