import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { ListStreamsQuery, type StreamSummary } from './list-streams.query';
import { streamsAfter } from '../stream-catalog.queries';

@QueryHandler(ListStreamsQuery)
export class ListStreamsHandler implements IQueryHandler<ListStreamsQuery> {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  async execute(query: ListStreamsQuery): Promise<{ streams: StreamSummary[]; asOfPosition: string | null }> {
    if (query.minPosition) await this.runner.waitFor(query.minPosition, { projections: ['stream_catalog'] });
    const streams: StreamSummary[] = streamsAfter(this.runner, query);
    const [health] = (await this.runner.health()).filter((h) => h.projection === 'stream_catalog');
    return { streams, asOfPosition: health?.position ?? null };
  }
}
