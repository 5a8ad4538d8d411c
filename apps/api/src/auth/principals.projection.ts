import type { Projection } from '@ceasefire/projections';
import { PRINCIPAL_EVENT_TYPES, type PrincipalEvent } from '@ceasefire/mvm';

/** The verifier a registration or rotation recorded: a MAC today, a plain SHA-256 in older events. */
const verifierOf = (d: { tokenVerifier?: string; tokenSha256?: string }): string =>
  d.tokenVerifier ?? `sha256:${d.tokenSha256 ?? ''}`;

/**
 * Principals as the bearer guard and the admin listing read them: status, institution or component,
 * agreement scope, and the hash of the current token. Rebuilt from the principal streams like any read model.
 */
export const principalsProjection: Projection<PrincipalEvent> = {
  name: 'principals',
  version: 3,
  handles: PRINCIPAL_EVENT_TYPES,
  setup: ({ db, table }) =>
    db.exec(`CREATE TABLE ${table('principals')} (
      principal_id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, party TEXT, institution TEXT,
      component TEXT, agreements TEXT, status TEXT NOT NULL, token_verifier TEXT NOT NULL UNIQUE,
      registered_at TEXT NOT NULL, changed_at TEXT NOT NULL)`),
  apply: (event, { db, table }) => {
    const d = event.data;
    if (event.type === 'PrincipalRegistered') {
      const r = event.data;
      db.prepare(`INSERT OR REPLACE INTO ${table('principals')} VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)`).run(
        r.principalId,
        r.name,
        r.role,
        r.party,
        r.institution ?? null,
        r.component ?? null,
        r.agreements ? JSON.stringify(r.agreements) : null,
        verifierOf(r),
        event.recordedAt,
        event.recordedAt,
      );
      return;
    }
    if (event.type === 'PrincipalTokenRotated') {
      db.prepare(`UPDATE ${table('principals')} SET token_verifier = ?, changed_at = ? WHERE principal_id = ?`).run(
        verifierOf(event.data),
        event.recordedAt,
        d.principalId,
      );
      return;
    }
    const status = { PrincipalSuspended: 'SUSPENDED', PrincipalReinstated: 'ACTIVE', PrincipalRevoked: 'REVOKED' }[
      event.type
    ];
    db.prepare(`UPDATE ${table('principals')} SET status = ?, changed_at = ? WHERE principal_id = ?`).run(
      status,
      event.recordedAt,
      d.principalId,
    );
  },
};
