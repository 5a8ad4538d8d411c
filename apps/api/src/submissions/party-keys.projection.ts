import type { Projection } from '@ceasefire/projections';
import { PARTY_KEY_EVENT_TYPES } from '@ceasefire/mvm';

export const partyKeysProjection: Projection = {
  name: 'party_keys',
  version: 1,
  handles: PARTY_KEY_EVENT_TYPES,
  setup: ({ db, table }) =>
    db.exec(
      `CREATE TABLE ${table('keys')} (key_id TEXT PRIMARY KEY, party TEXT NOT NULL, x TEXT NOT NULL, revoked_at TEXT, compromised_since TEXT)`,
    ),
  apply: (event, { db, table }) => {
    const d = event.data as {
      party: string;
      keyId: string;
      jwk?: { x: string };
      revokedAt?: string;
      compromisedSince?: string | null;
    };
    if (event.type === 'PartyKeyRegistered')
      db.prepare(`INSERT OR REPLACE INTO ${table('keys')} VALUES (?, ?, ?, NULL, NULL)`).run(
        d.keyId,
        d.party,
        d.jwk?.x,
      );
    else
      db.prepare(`UPDATE ${table('keys')} SET revoked_at = ?, compromised_since = ? WHERE key_id = ?`).run(
        d.revokedAt,
        d.compromisedSince ?? null,
        d.keyId,
      );
  },
};
