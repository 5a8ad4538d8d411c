import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { agreementDecider } from '@ceasefire/mvm';
import type { FastifyReply } from 'fastify';
import { foldedStreamsOf } from '../write-path/folded-streams';
import { AgreementIdParams } from './agreement-id.params';
import { agreementStream } from '@ceasefire/mvm';
import { Replies } from '../http/contract/replies.decorator';
import { Agreement } from './get-agreement.response.schema';

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('v1/agreements/:id')
export class GetAgreementHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Folded from the agreement's own stream (from its last folded state on): always current, with its revision as ETag. */
  @Get()
  @Replies.json(Agreement, 'The agreement.', { headers: ['ETag'] })
  @ApiOperation({
    operationId: 'getAgreement',
    summary: 'The agreement as its events leave it: parties, provisions, terms, status, meetings.',
  })
  async get(@Param() { id }: AgreementIdParams, @Res({ passthrough: true }) reply: FastifyReply) {
    const { state, last } = await foldedStreamsOf(this.store).load(agreementStream(id), agreementDecider);
    if (state.status === 'NONE' || !last) throw new NotFoundException(`no agreement ${id}`);
    void reply.header('ETag', `"${last.revision}"`);
    return { ...state, revision: last.revision, position: last.position };
  }
}
