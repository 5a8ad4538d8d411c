import { CommandBus } from '@nestjs/cqrs';
import { CreatedResource } from '../../http/created-location';
import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { deterministicUuid } from '../../shared/deterministic-id';
import { timeOrderedUuid } from '../../shared/time-ordered-id';
import { WritePrincipal } from './write-principal.command';
import { Write, type WriteContext } from '../../write-path/write-context';
import { newToken } from '../admin-token';
import { CREDENTIAL_KEY, tokenVerifier } from '../credential-key';
import { RegisterPrincipalRequestDto } from './register-principal.request.dto';
import { Replies } from '../../http/contract/replies.decorator';
import { PrincipalRegistered } from './register-principal.response.schema';

@ApiTags('access')
@ApiBearerAuth()
@Controller('v1/principals')
export class RegisterPrincipalHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(CREDENTIAL_KEY) private readonly credentialKey: Buffer,
  ) {}

  /** Returns the token once; only its hash is recorded. A retried Idempotency-Key gets the id but not the token again. */
  @Post()
  @HttpCode(201)
  @CreatedResource((b) => `/v1/principals/${b.id}`)
  @Replies.created(PrincipalRegistered, 'The principal, and its bearer token (shown once).', { writePath: true })
  @ApiOperation({
    operationId: 'registerPrincipal',
    summary: 'Register a principal (admin). Returns { id, token } once.',
  })
  async register(@Body() body: RegisterPrincipalRequestDto, @Write() context: WriteContext) {
    const id = context.idempotencyKey ? deterministicUuid(context.idempotencyKey, 'principal') : timeOrderedUuid();
    const token = newToken();
    const result = await this.commands.execute(
      new WritePrincipal({
        principalId: id,
        input: {
          type: 'RegisterPrincipal',
          name: body.name,
          role: body.role,
          party: body.party ?? null,
          ...(body.institution !== undefined ? { institution: body.institution } : {}),
          ...(body.component !== undefined ? { component: body.component } : {}),
          ...(body.agreements !== undefined ? { agreements: body.agreements } : {}),
          tokenVerifier: tokenVerifier(this.credentialKey, token),
        },
        context,
      }),
    );
    if (result.position) await this.runner.waitFor(result.position, { projections: ['principals'] });
    return { id, token: result.replayed ? null : token, revision: result.revision, position: result.position };
  }
}
