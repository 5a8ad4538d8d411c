import type { ReadModels } from '@ceasefire/projections';

/** A registered party key, revoked or not. */
export const partyKeyById = (rm: ReadModels, keyId: string) =>
  rm.db.prepare(`SELECT party, x, revoked_at FROM ${rm.table('party_keys', 'keys')} WHERE key_id = ?`).get(keyId) as
    { party: string; x: string; revoked_at: string | null } | undefined;
