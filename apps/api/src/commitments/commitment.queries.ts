import type { ReadModels } from '@ceasefire/projections';

const table = (rm: ReadModels) => rm.table('commitments', 'commitments');

/** A commitment's folded state (JSON), revision and position. */
export const commitmentRow = (rm: ReadModels, commitmentId: string) =>
  rm.db.prepare(`SELECT state, revision, position FROM ${table(rm)} WHERE commitment_id = ?`).get(commitmentId) as
    { state: string; revision: number; position: string } | undefined;

/** Open commitments whose deadline has passed at `now`. */
export const openCommitmentsDueBy = (rm: ReadModels, now: string): string[] =>
  (
    rm.db.prepare(`SELECT commitment_id AS id FROM ${table(rm)} WHERE status = 'OPEN' AND due_at <= ?`).all(now) as {
      id: string;
    }[]
  ).map((r) => r.id);
