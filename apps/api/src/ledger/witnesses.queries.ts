import type { ReadModels } from '@ceasefire/projections';

const table = (rm: ReadModels) => rm.table('witnesses', 'witnesses');

/** Every registered witness with its cosigner verifier key. */
export const registeredWitnesses = (rm: ReadModels) =>
  rm.db.prepare(`SELECT name, key FROM ${table(rm)}`).all() as { name: string; key: string }[];

export const witnessKeyOf = (rm: ReadModels, name: string): string | undefined =>
  (rm.db.prepare(`SELECT key FROM ${table(rm)} WHERE name = ?`).get(name) as { key: string } | undefined)?.key;
