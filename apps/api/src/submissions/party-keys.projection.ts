import type { Projection } from '@ceasefire/projections';
import { PARTY_KEY_EVENT_TYPES, type PartyKeyEvent } from '@ceasefire/mvm';

/**
 * The key registry the signature guard reads. A key id belongs to the first party that registered it:
 * a later registration by another party, or its revocation by one that does not own it (both possible
 * in logs written before keys had their own streams), changes nothing.
 */
export const partyKeysProjection: Projection<PartyKeyEvent> = {
  name: 'party_keys',
  version: 2,
  handles: PARTY_KEY_EVENT_TYPES,
  setup: ({ db, table }) =>
    db.exec(
      `CREATE TABLE ${table('keys')} (key_id TEXT PRIMARY KEY, party TEXT NOT NULL, x TEXT NOT NULL,
        registered_by TEXT NOT NULL, revoked_at TEXT, compromised_since TEXT, acknowledged_by TEXT NOT NULL DEFAULT '[]')`,
    ),
  apply: (event, { db, table }) => {
    const d = event.data;
    if (event.type === 'PartyKeyRegistered') {
      db.prepare(`INSERT OR IGNORE INTO ${table('keys')} (key_id, party, x, registered_by) VALUES (?, ?, ?, ?)`).run(
        d.keyId,
        d.party,
        event.data.jwk.x,
        event.data.registeredBy,
      );
    } else if (event.type === 'PartyKeyRevoked') {
      db.prepare(
        `UPDATE ${table('keys')} SET revoked_at = ?, compromised_since = ? WHERE key_id = ? AND party = ? AND revoked_at IS NULL`,
      ).run(event.data.revokedAt, event.data.compromisedSince, d.keyId, d.party);
    } else {
      db.prepare(
        `UPDATE ${table('keys')} SET acknowledged_by = json_insert(acknowledged_by, '$[#]', ?) WHERE key_id = ? AND party = ?`,
      ).run(event.data.institution, d.keyId, d.party);
    }
  },
};
