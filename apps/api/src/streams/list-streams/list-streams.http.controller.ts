import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListStreamsQuery } from './list-streams.query';
import { ListStreamsRequestDto } from './list-streams.request.dto';

@ApiTags('log')
@Controller('v1/streams')
export class ListStreamsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'List the streams of the log, by category, from the stream catalog read model.' })
  list(@Query() request: ListStreamsRequestDto) {
    return this.queries.execute(
      new ListStreamsQuery(request.category, request.limit ?? 100, request.after, request.minPosition),
    );
  }
}
