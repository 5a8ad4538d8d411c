import { storedRangeHasher } from '@ceasefire/ledger';
import type { ReadModels } from '@ceasefire/projections';
import { nodeStore } from './ledger.projection';

const table = (rm: ReadModels) => (name: string) => rm.table('ledger', name);

/** How many leaves the ledger has sequenced. */
export const ledgerSize = (rm: ReadModels): number =>
  (rm.db.prepare(`SELECT COALESCE(MAX(idx) + 1, 0) AS size FROM ${table(rm)('leaves')}`).get() as { size: number })
    .size;

/** The event's leaf index, once the ledger has sequenced it. */
export const ledgerIndexOf = (rm: ReadModels, eventId: string): number | undefined =>
  (
    rm.db.prepare(`SELECT idx FROM ${table(rm)('leaves')} WHERE event_id = ?`).get(eventId) as
      { idx: number } | undefined
  )?.idx;

/** The log position of the event at a leaf index. */
export const leafPosition = (rm: ReadModels, index: number): string | undefined =>
  (
    rm.db.prepare(`SELECT position FROM ${table(rm)('leaves')} WHERE idx = ?`).get(index) as
      { position: string } | undefined
  )?.position;

/** RFC 9162 subtree hashes of the sequenced leaves, from the stored nodes. */
export const ledgerHasher = (rm: ReadModels) => storedRangeHasher(nodeStore(rm.db, table(rm)));
