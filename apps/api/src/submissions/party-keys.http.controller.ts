import { CommandBus } from '@nestjs/cqrs';
import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { EmptyRequestDto } from '../incidents/investigation.request.dto';
import { utc } from '../shared/validation';
import { Write, type WriteContext } from '../write-path/write-context';
import type { WriteResult } from '../write-path/handle-command';
import { partyKeysOf } from './party-keys.queries';
import {
  PartyKeyParams,
  PartyParams,
  RegisterPartyKeyRequestDto,
  RevokePartyKeyRequestDto,
} from './party-keys.request.dto';
import { keyIdOf } from './submission-signature';
import { type WritePartyKeysInput, WritePartyKeys } from './write-party-keys.command';
import { Replies } from '../http/contract/replies.decorator';
import { PartyKeyChanged, PartyKeys } from './party-keys.response.schema';

@ApiTags('submissions')
@ApiBearerAuth()
@Controller('v1/parties/:code/keys')
export class PartyKeysHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  /** Answers once the signature guard's registry has the change, so the key works (or stops) at once. */
  private async write(party: string, keyId: string, input: WritePartyKeysInput, context: WriteContext) {
    const result: WriteResult = await this.commands.execute(new WritePartyKeys({ party, keyId, input, context }));
    if (result.position) await this.runner.waitFor(result.position, { projections: ['party_keys'] });
    return { keyId, revision: result.revision, position: result.position, events: result.events };
  }

  @Get()
  @Replies.json(PartyKeys, "The party's keys.")
  @ApiOperation({
    operationId: 'listPartyKeys',
    summary: "A party's signing keys: who registered each, which mediator institutions acknowledged it, revocation.",
  })
  list(@Param() { code }: PartyParams) {
    return { party: code, keys: partyKeysOf(this.runner, code) };
  }

  @Post()
  @HttpCode(201)
  @Replies.created(PartyKeyChanged, 'The key, registered.', { writePath: true })
  @ApiOperation({
    operationId: 'registerPartyKey',
    summary:
      "Register a signing key (Ed25519 JWK) — the party's own principal only. A key id belongs to the first party that registers it, for ever.",
  })
  register(@Param() { code }: PartyParams, @Body() b: RegisterPartyKeyRequestDto, @Write() c: WriteContext) {
    const jwk = { kty: 'OKP' as const, crv: 'Ed25519' as const, x: b.jwk.x };
    return this.write(code, keyIdOf(b.jwk.x), { type: 'RegisterPartyKey', jwk }, c);
  }

  @Post(':keyId/acknowledgement')
  @HttpCode(201)
  @Replies.created(PartyKeyChanged, 'The acknowledgement, recorded.', { writePath: true })
  @ApiOperation({
    operationId: 'acknowledgePartyKey',
    summary:
      "A mediator institution vouches that the key is the party's (once per institution); the verifier reports it.",
  })
  acknowledge(@Param() { code, keyId }: PartyKeyParams, @Body() _b: EmptyRequestDto, @Write() c: WriteContext) {
    return this.write(code, keyId, { type: 'AcknowledgePartyKey' }, c);
  }

  @Post(':keyId/revocation')
  @HttpCode(201)
  @Replies.created(PartyKeyChanged, 'The revocation, recorded.', { writePath: true })
  @ApiOperation({
    operationId: 'revokePartyKey',
    summary: 'Revoke a party key for good (the party or an admin), optionally naming since when it was compromised.',
  })
  revoke(@Param() { code, keyId }: PartyKeyParams, @Body() b: RevokePartyKeyRequestDto, @Write() c: WriteContext) {
    const compromisedSince = b.compromisedSince ? utc(b.compromisedSince) : null;
    return this.write(code, keyId, { type: 'RevokePartyKey', reason: b.reason, compromisedSince }, c);
  }
}
