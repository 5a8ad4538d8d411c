import type { ReadModels } from '@ceasefire/projections';

export interface TimelineEntry {
  position: string;
  stream: string;
  revision: number;
  type: string;
  recordedAt: string;
  agreementId: string;
}

export interface TimelineQuery {
  /** Entries after this position. */
  after?: string;
  /** Recorded at or after / at or before. */
  from?: string;
  to?: string;
  types?: string[];
  limit: number;
}

/** An agreement's timeline entries in log order, filtered in the index. */
export const timelineEntries = (rm: ReadModels, agreementId: string, q: TimelineQuery): TimelineEntry[] =>
  entriesWhere(rm, ['agreement_id = ?'], [agreementId], q);

/** The entries of every agreement that the public may read now, in log order (through their own index). */
export const publicTimelineEntries = (rm: ReadModels, q: TimelineQuery): TimelineEntry[] =>
  entriesWhere(rm, ['public = 1'], [], q);

const entriesWhere = (rm: ReadModels, where: string[], whereArgs: unknown[], q: TimelineQuery): TimelineEntry[] => {
  const conditions = [...where, 'position > ?'];
  const args: unknown[] = [...whereArgs, q.after ?? ''];
  if (q.from) {
    conditions.push('recorded_at >= ?');
    args.push(q.from);
  }
  if (q.to) {
    conditions.push('recorded_at <= ?');
    args.push(q.to);
  }
  if (q.types) {
    conditions.push(`type IN (${q.types.map(() => '?').join(',')})`);
    args.push(...q.types);
  }
  return rm.db
    .prepare(
      `SELECT position, stream, revision, type, recorded_at AS recordedAt, agreement_id AS agreementId
       FROM ${rm.table('agreement_timeline', 'entries')}
       WHERE ${conditions.join(' AND ')} ORDER BY position LIMIT ?`,
    )
    .all(...args, q.limit) as TimelineEntry[];
};
