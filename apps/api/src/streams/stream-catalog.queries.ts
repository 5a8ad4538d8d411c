import type { ReadModels } from '@ceasefire/projections';

export interface StreamSummary {
  stream: string;
  category: string;
  lastRevision: number;
  lastType: string;
  lastPosition: string;
  updatedAt: string;
}

/** Streams after `after` in name order, of one category if asked. */
export const streamsAfter = (rm: ReadModels, q: { after?: string; category?: string; limit: number }) => {
  const where = ['stream > ?'];
  const params: (string | number)[] = [q.after ?? ''];
  if (q.category) {
    where.push('category = ?');
    params.push(q.category);
  }
  return rm.db
    .prepare(
      `SELECT stream, category, last_revision AS lastRevision, last_type AS lastType, last_position AS lastPosition,
         updated_at AS updatedAt FROM ${rm.table('stream_catalog', 'streams')} WHERE ${where.join(' AND ')} ORDER BY stream LIMIT ?`,
    )
    .all(...params, q.limit) as StreamSummary[];
};
