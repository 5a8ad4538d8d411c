import type { Projection } from '@ceasefire/projections';
import { PARTY_KEY_EVENT_TYPES, type PartyKeyEvent } from '@ceasefire/mvm';

export const partyKeysProjection: Projection<PartyKeyEvent> = {
  name: 'party_keys',
  version: 1,
  handles: PARTY_KEY_EVENT_TYPES,
  setup: ({ db, table }) =>
    db.exec(
      `CREATE TABLE ${table('keys')} (key_id TEXT PRIMARY KEY, party TEXT NOT NULL, x TEXT NOT NULL, revoked_at TEXT, compromised_since TEXT)`,
    ),
  apply: (event, { db, table }) => {
    if (event.type === 'PartyKeyRegistered')
      db.prepare(`INSERT OR REPLACE INTO ${table('keys')} VALUES (?, ?, ?, NULL, NULL)`).run(
        event.data.keyId,
        event.data.party,
        event.data.jwk.x,
      );
    else
      db.prepare(`UPDATE ${table('keys')} SET revoked_at = ?, compromised_since = ? WHERE key_id = ?`).run(
        event.data.revokedAt,
        event.data.compromisedSince,
        event.data.keyId,
      );
  },
};
