import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { type Role, ROLES } from '@ceasefire/mvm';

export class RegisterPrincipalRequestDto {
  @ApiProperty({ example: 'Pakistan liaison officer' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ description: 'Party code; required for role "party", forbidden otherwise.', example: 'PK' })
  @IsOptional()
  @Matches(/^[A-Z]{2,8}$/, { message: 'party must be an upper-case party code' })
  @MaxLength(8)
  party?: string;
}
