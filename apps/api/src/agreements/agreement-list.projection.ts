import { type AgreementEvent, AGREEMENT_EVENT_TYPES, type AgreementState, evolveAgreement } from '@ceasefire/mvm';
import type { Projection } from '@ceasefire/projections';

/** Every agreement with the columns a list filters on (status, parties), in the order they were registered. */
export const agreementListProjection: Projection<AgreementEvent> = {
  name: 'agreement_list',
  version: 1,
  handles: AGREEMENT_EVENT_TYPES,
  setup: ({ db, table }) =>
    db.exec(`CREATE TABLE ${table('agreements')} (
      agreement_id TEXT PRIMARY KEY, registered_position TEXT NOT NULL UNIQUE, status TEXT NOT NULL,
      parties TEXT NOT NULL, title TEXT NOT NULL, revision INTEGER NOT NULL, position TEXT NOT NULL, state TEXT NOT NULL);`),
  apply: (event, { db, table }) => {
    const id = event.data.agreementId;
    const row = db
      .prepare(`SELECT state, registered_position FROM ${table('agreements')} WHERE agreement_id = ?`)
      .get(id) as { state: string; registered_position: string } | undefined;
    const before: AgreementState = row ? (JSON.parse(row.state) as AgreementState) : { status: 'NONE' };
    const after = evolveAgreement(before, event);
    if (after.status === 'NONE') return;
    db.prepare(`INSERT OR REPLACE INTO ${table('agreements')} VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
      id,
      row?.registered_position ?? event.position,
      after.status,
      // Delimited, so a filter on one party code is an exact LIKE match.
      `,${after.parties.map((p) => p.code).join(',')},`,
      after.title,
      event.revision,
      event.position,
      JSON.stringify(after),
    );
  },
};
