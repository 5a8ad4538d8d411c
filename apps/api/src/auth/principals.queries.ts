import type { Actor } from '@ceasefire/mvm';
import type { ReadModels } from '@ceasefire/projections';

const table = (rm: ReadModels) => rm.table('principals', 'principals');

/** The principal a bearer token's SHA-256 belongs to. */
export const principalByTokenHash = (rm: ReadModels, tokenSha256: string) =>
  rm.db.prepare(`SELECT principal_id, role, party FROM ${table(rm)} WHERE token_sha256 = ?`).get(tokenSha256) as
    { principal_id: string; role: Actor['role']; party: string | null } | undefined;
