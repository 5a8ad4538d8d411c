import { type CommitmentEvent, type CommitmentState, evolveCommitment, COMMITMENT_EVENT_TYPES } from '@ceasefire/mvm';
import type { Projection } from '@ceasefire/projections';

export const commitmentProjection: Projection<CommitmentEvent> = {
  name: 'commitments',
  version: 2,
  handles: COMMITMENT_EVENT_TYPES,
  setup: ({ db, table }) =>
    db.exec(`CREATE TABLE ${table('commitments')} (
      commitment_id TEXT PRIMARY KEY, agreement_id TEXT NOT NULL, obligor TEXT NOT NULL, status TEXT NOT NULL,
      due_at TEXT NOT NULL, revision INTEGER NOT NULL, position TEXT NOT NULL, state TEXT NOT NULL);
      CREATE INDEX ${table('commitments_by_obligor')} ON ${table('commitments')} (obligor, status, due_at)`),
  apply: (event, { db, table }) => {
    const id = event.data.commitmentId;
    const row = db.prepare(`SELECT state FROM ${table('commitments')} WHERE commitment_id = ?`).get(id) as
      { state: string } | undefined;
    const before: CommitmentState = row ? (JSON.parse(row.state) as CommitmentState) : { status: 'NONE' };
    const after = evolveCommitment(before, event);
    if (after.status === 'NONE') return;
    db.prepare(`INSERT OR REPLACE INTO ${table('commitments')} VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
      id,
      after.agreementId,
      after.obligor,
      after.status,
      after.dueAt,
      event.revision,
      event.position,
      JSON.stringify(after),
    );
  },
};
