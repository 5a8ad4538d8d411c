import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CreatedResource } from '../http/created-location';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { deterministicUuid } from '../shared/deterministic-id';
import { timeOrderedUuid } from '../shared/time-ordered-id';
import { plain, utc } from '../shared/validation';
import { Write, type WriteContext } from '../write-path/write-context';
import { writeResponse } from '../write-path/write-response';
import { WriteAgreement } from './write-agreement.command';
import { RegisterAgreementRequestDto } from './register-agreement.request.dto';
import { Replies } from '../http/contract/replies.decorator';
import { CreatedReceipt } from '../http/contract/write-receipt.schema';

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('v1/agreements')
export class RegisterAgreementHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @CreatedResource((b) => `/v1/agreements/${b.id}`)
  @Replies.write('The agreement, registered: its id and the event recorded.', { body: CreatedReceipt })
  @ApiOperation({
    operationId: 'registerAgreement',
    summary: 'Register an agreement: parties, mediators, provisions, mechanism terms.',
  })
  async register(
    @Body() body: RegisterAgreementRequestDto,
    @Write() context: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const id = context.idempotencyKey ? deterministicUuid(context.idempotencyKey, 'agreement') : timeOrderedUuid();
    const result = await this.commands.execute(
      new WriteAgreement({
        agreementId: id,
        input: {
          type: 'RegisterAgreement',
          ...plain(body),
          // A ruling or a consequence needs the same authority as the finding it acts on, unless the agreement says otherwise.
          terms: {
            ...plain(body.terms),
            rulingQuorum: body.terms.rulingQuorum ?? body.terms.adoptionQuorum,
            measureQuorum: body.terms.measureQuorum ?? body.terms.adoptionQuorum,
          },
          effectiveAt: utc(body.effectiveAt),
        },
        context,
      }),
    );
    return writeResponse(reply, result, { id });
  }
}
