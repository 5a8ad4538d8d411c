import { CommandBus } from '@nestjs/cqrs';
import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { WritePartyKeys } from './write-party-keys.command';
import { IsUtcTimestamp, utc } from '../shared/validation';
import { Write, type WriteContext } from '../write-path/write-context';
import { keyIdOf } from './submission-signature';

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
  @ApiProperty() @IsString() @Length(1, 2000) reason: string;
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

@ApiTags('submissions')
@ApiBearerAuth()
@Controller('v1/parties/:code/keys')
export class PartyKeysHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a signing key (Ed25519 JWK) for a party; the party itself or an admin.' })
  async register(@Param() { code }: PartyParams, @Body() b: RegisterPartyKeyRequestDto, @Write() c: WriteContext) {
    const keyId = keyIdOf(b.jwk.x);
    const jwk = { kty: 'OKP' as const, crv: 'Ed25519' as const, x: b.jwk.x };
    const result = await this.commands.execute(
      new WritePartyKeys({ party: code, input: { type: 'RegisterPartyKey', keyId, jwk }, context: c }),
    );
    if (result.position) await this.runner.waitFor(result.position, { projections: ['party_keys'] });
    return { keyId, revision: result.revision, position: result.position };
  }

  @Post(':keyId/revocation')
  @HttpCode(201)
  @ApiOperation({ summary: 'Revoke a party key, optionally naming since when it was compromised.' })
  async revoke(
    @Param() { code, keyId }: PartyKeyParams,
    @Body() b: RevokePartyKeyRequestDto,
    @Write() c: WriteContext,
  ) {
    const compromisedSince = b.compromisedSince ? utc(b.compromisedSince) : null;
    const result = await this.commands.execute(
      new WritePartyKeys({
        party: code,
        input: { type: 'RevokePartyKey', keyId, reason: b.reason, compromisedSince },
        context: c,
      }),
    );
    if (result.position) await this.runner.waitFor(result.position, { projections: ['party_keys'] });
    return { keyId, revision: result.revision, position: result.position };
  }
}
