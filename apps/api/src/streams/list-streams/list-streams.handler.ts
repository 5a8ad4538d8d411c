import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { ListStreamsQuery, type StreamSummary } from './list-streams.query';

@QueryHandler(ListStreamsQuery)
export class ListStreamsHandler implements IQueryHandler<ListStreamsQuery> {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  async execute(query: ListStreamsQuery): Promise<{ streams: StreamSummary[]; asOfPosition: string | null }> {
    if (query.minPosition) await this.runner.waitFor(query.minPosition, { projections: ['stream_catalog'] });
    const table = this.runner.table('stream_catalog', 'streams');
    const where = ['stream > ?'];
    const params: (string | number)[] = [query.after ?? ''];
    if (query.category) {
      where.push('category = ?');
      params.push(query.category);
    }
    const streams = this.runner.db
      .prepare(
        `SELECT stream, category, last_revision AS lastRevision, last_type AS lastType, last_position AS lastPosition,
           updated_at AS updatedAt FROM ${table} WHERE ${where.join(' AND ')} ORDER BY stream LIMIT ?`,
      )
      .all(...params, query.limit) as StreamSummary[];
    const [health] = (await this.runner.health()).filter((h) => h.projection === 'stream_catalog');
    return { streams, asOfPosition: health?.position ?? null };
  }
}
