import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { IsUtcTimestamp, NotBlank } from '../shared/validation';

export class JwkDto {
  @ApiProperty({ example: 'OKP' }) @Equals('OKP', { message: 'jwk.kty must be OKP' }) kty: 'OKP';
  @ApiProperty({ example: 'Ed25519' }) @Equals('Ed25519', { message: 'jwk.crv must be Ed25519' }) crv: 'Ed25519';
  @ApiProperty({ description: 'base64url of the 32-byte public key' })
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'jwk.x must be a base64url Ed25519 public key' })
  x: string;
}

export class RegisterPartyKeyRequestDto {
  @ApiProperty({ type: JwkDto }) @IsObject() @ValidateNested() @Type(() => JwkDto) jwk: JwkDto;
}

export class RevokePartyKeyRequestDto {
  @ApiProperty() @IsString() @Length(1, 2000) @NotBlank() reason: string;
  @ApiPropertyOptional({ description: 'Submissions signed after this time are to be treated as disputed.' })
  @IsOptional()
  @IsUtcTimestamp()
  compromisedSince?: string;
}

export class PartyParams {
  @ApiProperty() @Matches(/^[A-Z]{2,8}$/, { message: 'code must be an upper-case party code' }) code: string;
}

export class PartyKeyParams extends PartyParams {
  @ApiProperty() @Matches(/^[0-9a-f]{64}$/, { message: 'keyId must be 64 hex digits' }) keyId: string;
}
