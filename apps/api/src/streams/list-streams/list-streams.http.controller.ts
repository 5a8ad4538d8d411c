import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Replies } from '../../http/contract/replies.decorator';
import { answerPage, decodeCursor } from '../../http/pagination';
import { ListStreamsQuery } from './list-streams.query';
import { ListStreamsRequestDto } from './list-streams.request.dto';
import { StreamPage } from './list-streams.response.schema';

@ApiTags('log')
@ApiBearerAuth()
@Controller('v1/streams')
export class ListStreamsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Replies.json(StreamPage, 'A page of streams, in name order.', { headers: ['Link'] })
  @ApiOperation({
    operationId: 'listStreams',
    summary: 'List the streams of the log, by category, from the stream catalog read model.',
  })
  async list(
    @Query() q: ListStreamsRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const limit = q.limit ?? 100;
    const found = await this.queries.execute(
      new ListStreamsQuery(q.category, limit, decodeCursor(q.cursor), q.minPosition),
    );
    const page = answerPage(request, reply, found.streams, limit, (s) => s.stream);
    return { streams: page.items, next: page.next, asOfPosition: found.asOfPosition };
  }
}
