import { leafHash } from '@ceasefire/event-store';
import { appendLeaf, type NodeStore } from '@ceasefire/ledger';
import type { Projection, ProjectionTx } from '@ceasefire/projections';
import type Database from 'better-sqlite3';

/**
 * The global log as an RFC 9162 Merkle tree: one leaf per event in log order, whose hash is the
 * event's own hash, and every perfect subtree stored as it completes. Leaf, nodes and checkpoint
 * commit together, so the tree is exactly the log's prefix up to the checkpoint.
 */
export const ledgerProjection: Projection = {
  name: 'ledger',
  version: 1,
  handles: 'all',
  setup: ({ db, table }) =>
    db.exec(`
      CREATE TABLE ${table('leaves')} (idx INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, position TEXT NOT NULL, leaf_hash BLOB NOT NULL);
      CREATE TABLE ${table('nodes')} (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, idx)) WITHOUT ROWID;`),
  apply: (event, tx) => {
    // The ledger re-derives every hash from the stored bytes: a leaf whose bytes do not match its hash parks the ledger.
    const hash = leafHash(event.canonical);
    if (hash.toString('hex') !== event.hash)
      throw new Error(`event ${event.eventId}: stored hash does not match its bytes`);
    const size = (
      tx.db.prepare(`SELECT COALESCE(MAX(idx) + 1, 0) AS size FROM ${tx.table('leaves')}`).get() as { size: number }
    ).size;
    tx.db
      .prepare(`INSERT INTO ${tx.table('leaves')} VALUES (?, ?, ?, ?)`)
      .run(size, event.eventId, event.position, hash);
    appendLeaf(nodeStore(tx.db, tx.table), size, hash);
  },
};

export const nodeStore = (db: Database.Database, table: ProjectionTx['table']): NodeStore => ({
  get: (level, index) =>
    (
      db.prepare(`SELECT hash FROM ${table('nodes')} WHERE level = ? AND idx = ?`).get(level, index) as
        { hash: Buffer } | undefined
    )?.hash ??
    (level === 0
      ? (
          db.prepare(`SELECT leaf_hash AS hash FROM ${table('leaves')} WHERE idx = ?`).get(index) as
            { hash: Buffer } | undefined
        )?.hash
      : undefined),
  put: (level, index, hash) => {
    if (level > 0) db.prepare(`INSERT OR REPLACE INTO ${table('nodes')} VALUES (?, ?, ?)`).run(level, index, hash);
  },
});
