import { CommandBus } from '@nestjs/cqrs';
import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { WritePartyKeys } from './write-party-keys.command';
import { utc } from '../shared/validation';
import { Write, type WriteContext } from '../write-path/write-context';
import { keyIdOf } from './submission-signature';
import {
  RegisterPartyKeyRequestDto,
  RevokePartyKeyRequestDto,
  PartyParams,
  PartyKeyParams,
} from './party-keys.request.dto';

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
