import type { CommitmentState } from '@ceasefire/mvm';
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

/** An agreement's commitments by id (time-ordered ids: the order they were defined), filtered in the read model. */
export const listCommitments = (
  rm: ReadModels,
  agreementId: string,
  f: { status?: string; obligor?: string; after?: string; limit: number },
) => {
  const where = ['agreement_id = ?', 'commitment_id > ?'];
  const args: unknown[] = [agreementId, f.after ?? ''];
  if (f.status) {
    where.push('status = ?');
    args.push(f.status);
  }
  if (f.obligor) {
    where.push('obligor = ?');
    args.push(f.obligor);
  }
  return (
    rm.db
      .prepare(
        `SELECT commitment_id, state, revision, position FROM ${table(rm)}
         WHERE ${where.join(' AND ')} ORDER BY commitment_id LIMIT ?`,
      )
      .all(...args, f.limit) as { commitment_id: string; state: string; revision: number; position: string }[]
  ).map((r) => ({
    id: r.commitment_id,
    ...(JSON.parse(r.state) as object),
    revision: r.revision,
    position: r.position,
  }));
};

/** A party's commitments not yet met (open or overdue), soonest due first, at most `limit`. */
export const openCommitmentsOf = (rm: ReadModels, obligor: string, limit: number) =>
  (
    rm.db
      .prepare(
        `SELECT state FROM ${table(rm)} WHERE obligor = ? AND status IN ('OPEN', 'OVERDUE') ORDER BY due_at LIMIT ?`,
      )
      .all(obligor, limit) as { state: string }[]
  ).map((r) => JSON.parse(r.state) as Extract<CommitmentState, { commitmentId: string }>);
