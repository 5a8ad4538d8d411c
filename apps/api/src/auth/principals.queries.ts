import type { Actor } from '@ceasefire/mvm';
import type { ReadModels } from '@ceasefire/projections';

const table = (rm: ReadModels) => rm.table('principals', 'principals');

interface PrincipalRow {
  principal_id: string;
  name: string;
  role: Actor['role'];
  party: string | null;
  institution: string | null;
  component: string | null;
  agreements: string | null;
  status: 'ACTIVE' | 'SUSPENDED' | 'REVOKED';
  registered_at: string;
  changed_at: string;
}

const actorOf = (row: PrincipalRow): Actor => ({
  principalId: row.principal_id,
  role: row.role,
  ...(row.party ? { party: row.party } : {}),
  ...(row.institution ? { institution: row.institution } : {}),
  ...(row.component ? { component: row.component } : {}),
  ...(row.agreements ? { agreements: JSON.parse(row.agreements) as string[] } : {}),
});

/** The principal a bearer token currently belongs to (by any verifier it may be recorded under), with its status. */
export const principalByToken = (
  rm: ReadModels,
  verifiers: string[],
): { actor: Actor; status: PrincipalRow['status'] } | undefined => {
  const row = rm.db
    .prepare(`SELECT * FROM ${table(rm)} WHERE token_verifier IN (${verifiers.map(() => '?').join(', ')})`)
    .get(...verifiers) as PrincipalRow | undefined;
  return row && { actor: actorOf(row), status: row.status };
};

/** A principal as an actor, by id (the bootstrap admin is "admin"); undefined when unknown or not active. */
export const activePrincipal = (rm: ReadModels, principalId: string): Actor | undefined => {
  if (principalId === 'admin') return { principalId, role: 'admin' };
  const row = rm.db.prepare(`SELECT * FROM ${table(rm)} WHERE principal_id = ?`).get(principalId) as
    PrincipalRow | undefined;
  return row && row.status === 'ACTIVE' ? actorOf(row) : undefined;
};

/** Principals for an admin: who they are and their status, never their token hashes. */
export const listPrincipals = (rm: ReadModels, q: { after?: string; limit: number }) =>
  (
    rm.db
      .prepare(`SELECT * FROM ${table(rm)} WHERE principal_id > ? ORDER BY principal_id LIMIT ?`)
      .all(q.after ?? '', q.limit) as PrincipalRow[]
  ).map(principalView);

/** One principal for an admin, as listed; undefined when unknown. */
export const principalById = (rm: ReadModels, principalId: string) => {
  const row = rm.db.prepare(`SELECT * FROM ${table(rm)} WHERE principal_id = ?`).get(principalId) as
    PrincipalRow | undefined;
  return row && principalView(row);
};

const principalView = (row: PrincipalRow) => ({
  id: row.principal_id,
  name: row.name,
  role: row.role,
  party: row.party,
  institution: row.institution,
  component: row.component,
  agreements: row.agreements ? (JSON.parse(row.agreements) as string[]) : null,
  status: row.status,
  registeredAt: row.registered_at,
  changedAt: row.changed_at,
});
