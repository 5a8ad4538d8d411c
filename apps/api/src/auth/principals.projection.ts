import type { Projection } from '@ceasefire/projections';
import { PRINCIPAL_EVENT_TYPES, type PrincipalEvent } from '@ceasefire/mvm';

/** Token hash → principal, for the bearer guard; rebuilt from PrincipalRegistered events like any read model. */
export const principalsProjection: Projection<PrincipalEvent> = {
  name: 'principals',
  version: 1,
  handles: PRINCIPAL_EVENT_TYPES,
  setup: ({ db, table }) =>
    db.exec(`CREATE TABLE ${table('principals')} (
      principal_id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, party TEXT,
      token_sha256 TEXT NOT NULL UNIQUE, registered_at TEXT NOT NULL)`),
  apply: (event, { db, table }) => {
    const d = event.data;
    db.prepare(`INSERT OR REPLACE INTO ${table('principals')} VALUES (?, ?, ?, ?, ?, ?)`).run(
      d.principalId,
      d.name,
      d.role,
      d.party,
      d.tokenSha256,
      event.recordedAt,
    );
  },
};
