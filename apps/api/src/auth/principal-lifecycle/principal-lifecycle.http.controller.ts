import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { Write, type WriteContext } from '../../write-path/write-context';
import type { WriteResult } from '../../write-path/handle-command';
import { newToken } from '../admin-token';
import { CREDENTIAL_KEY, tokenVerifier } from '../credential-key';
import { type WritePrincipalInput, WritePrincipal } from '../register-principal/write-principal.command';
import { EmptyRequestDto } from '../../incidents/investigation.request.dto';
import { PrincipalIdParams, PrincipalChangeRequestDto } from './principal-lifecycle.request.dto';
import { Replies } from '../../http/contract/replies.decorator';
import { PrincipalChanged, TokenRotated } from './principal-lifecycle.response.schema';

/**
 * A principal's life after registration, each step an event on its stream. The answer comes once the
 * bearer guard's read model has it, so a suspended or revoked token is refused from the next request on.
 */
@ApiTags('access')
@ApiBearerAuth()
@Controller('v1/principals/:id')
export class PrincipalLifecycleHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(CREDENTIAL_KEY) private readonly credentialKey: Buffer,
  ) {}

  private async write(principalId: string, input: WritePrincipalInput, context: WriteContext) {
    const result: WriteResult = await this.commands.execute(new WritePrincipal({ principalId, input, context }));
    if (result.position) await this.runner.waitFor(result.position, { projections: ['principals'] });
    return { id: principalId, revision: result.revision, position: result.position, events: result.events };
  }

  @Post('suspension')
  @HttpCode(201)
  @Replies.created(PrincipalChanged, 'The suspension, recorded.', { writePath: true })
  @ApiOperation({
    operationId: 'suspendPrincipal',
    summary: 'Suspend a principal (admin): its token is refused until reinstated.',
  })
  suspend(@Param() { id }: PrincipalIdParams, @Body() b: PrincipalChangeRequestDto, @Write() c: WriteContext) {
    return this.write(id, { type: 'SuspendPrincipal', reason: b.reason }, c);
  }

  @Post('reinstatement')
  @HttpCode(201)
  @Replies.created(PrincipalChanged, 'The reinstatement, recorded.', { writePath: true })
  @ApiOperation({
    operationId: 'reinstatePrincipal',
    summary: 'Reinstate a suspended principal (admin).',
  })
  reinstate(@Param() { id }: PrincipalIdParams, @Body() b: PrincipalChangeRequestDto, @Write() c: WriteContext) {
    return this.write(id, { type: 'ReinstatePrincipal', reason: b.reason }, c);
  }

  @Post('revocation')
  @HttpCode(201)
  @Replies.created(PrincipalChanged, 'The revocation, recorded.', { writePath: true })
  @ApiOperation({
    operationId: 'revokePrincipal',
    summary: 'Revoke a principal for good (admin). What it submitted stays attributed and verifiable.',
  })
  revoke(@Param() { id }: PrincipalIdParams, @Body() b: PrincipalChangeRequestDto, @Write() c: WriteContext) {
    return this.write(id, { type: 'RevokePrincipal', reason: b.reason }, c);
  }

  /** The new token is shown once; a retried Idempotency-Key gets the result but not the token again. */
  @Post('token-rotation')
  @HttpCode(201)
  @Replies.created(TokenRotated, 'The new token (shown once); the old one stops working.', { writePath: true })
  @ApiOperation({
    operationId: 'rotatePrincipalToken',
    summary:
      "Rotate a principal's token (admin, or the principal itself). Returns { token } once; the old one stops working.",
  })
  async rotate(@Param() { id }: PrincipalIdParams, @Body() _b: EmptyRequestDto, @Write() c: WriteContext) {
    const token = newToken();
    const result: WriteResult = await this.commands.execute(
      new WritePrincipal({
        principalId: id,
        input: { type: 'RotatePrincipalToken', tokenVerifier: tokenVerifier(this.credentialKey, token) },
        context: c,
      }),
    );
    if (result.position) await this.runner.waitFor(result.position, { projections: ['principals'] });
    return {
      id,
      token: result.replayed ? null : token,
      revision: result.revision,
      position: result.position,
      events: result.events,
    };
  }
}
