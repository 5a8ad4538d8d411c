import type { ReadModels } from '@ceasefire/projections';

interface KeyRow {
  key_id: string;
  party: string;
  x: string;
  registered_by: string;
  revoked_at: string | null;
  compromised_since: string | null;
  acknowledged_by: string;
}

/** A registered party key, revoked or not. */
export const partyKeyById = (rm: ReadModels, keyId: string) =>
  rm.db.prepare(`SELECT * FROM ${rm.table('party_keys', 'keys')} WHERE key_id = ?`).get(keyId) as KeyRow | undefined;

/** A party's keys: who registered each, which mediator institutions acknowledged it, whether it is revoked. */
export const partyKeysOf = (rm: ReadModels, party: string) =>
  (
    rm.db
      .prepare(`SELECT * FROM ${rm.table('party_keys', 'keys')} WHERE party = ? ORDER BY key_id`)
      .all(party) as KeyRow[]
  ).map((k) => ({
    keyId: k.key_id,
    jwk: { kty: 'OKP', crv: 'Ed25519', x: k.x },
    registeredBy: k.registered_by,
    acknowledgedBy: JSON.parse(k.acknowledged_by) as string[],
    revokedAt: k.revoked_at,
    compromisedSince: k.compromised_since,
  }));
