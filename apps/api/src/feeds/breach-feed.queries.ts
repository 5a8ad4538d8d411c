import type { ReadModels } from '@ceasefire/projections';

/** A breach feed row: the CloudEvent as sent, and what the filters look at. */
export interface BreachRow {
  position: string;
  event_id: string;
  /** The domain event type, e.g. BreachConfirmed. */
  event_type: string;
  agreement: string | null;
  /** `,PK,AF,`: every party the event concerns. */
  parties: string;
  severity: number | null;
  cloud_event: string;
}

const table = (rm: ReadModels) => rm.table('breach_feed', 'entries');

export const breachRowOf = (rm: ReadModels, eventId: string) =>
  rm.db.prepare(`SELECT * FROM ${table(rm)} WHERE event_id = ?`).get(eventId) as BreachRow | undefined;

export const breachHead = (rm: ReadModels): string | undefined =>
  (rm.db.prepare(`SELECT MAX(position) AS head FROM ${table(rm)}`).get() as { head: string | null }).head ?? undefined;

/** Breach rows after a position, in log order. */
export const breachRowsAfter = (rm: ReadModels, after: string | undefined, limit: number) =>
  rm.db
    .prepare(`SELECT * FROM ${table(rm)} WHERE position > ? ORDER BY position LIMIT ?`)
    .all(after ?? '', limit) as BreachRow[];
