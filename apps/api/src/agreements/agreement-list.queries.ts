import type { AgreementState } from '@ceasefire/mvm';
import type { ReadModels } from '@ceasefire/projections';

export interface AgreementListFilter {
  status?: string;
  party?: string;
  /** Registered after this position (the cursor). */
  after?: string;
  limit: number;
}

/** Agreements in the order they were registered, filtered in the read model. */
export const listAgreements = (rm: ReadModels, f: AgreementListFilter) => {
  const where = ['registered_position > ?'];
  const args: unknown[] = [f.after ?? ''];
  if (f.status) {
    where.push('status = ?');
    args.push(f.status);
  }
  if (f.party) {
    where.push('parties LIKE ?');
    args.push(`%,${f.party},%`);
  }
  return (
    rm.db
      .prepare(
        `SELECT agreement_id, registered_position, state, revision, position FROM ${rm.table('agreement_list', 'agreements')}
         WHERE ${where.join(' AND ')} ORDER BY registered_position LIMIT ?`,
      )
      .all(...args, f.limit) as {
      agreement_id: string;
      registered_position: string;
      state: string;
      revision: number;
      position: string;
    }[]
  ).map((r) => ({
    id: r.agreement_id,
    ...(JSON.parse(r.state) as Exclude<AgreementState, { status: 'NONE' }>),
    revision: r.revision,
    position: r.position,
    registeredPosition: r.registered_position,
  }));
};

/** The agreements a party is party to, in the order they were registered. */
export const agreementIdsOfParty = (rm: ReadModels, party: string): string[] =>
  (
    rm.db
      .prepare(
        `SELECT agreement_id FROM ${rm.table('agreement_list', 'agreements')} WHERE parties LIKE ? ORDER BY registered_position`,
      )
      .all(`%,${party},%`) as { agreement_id: string }[]
  ).map((r) => r.agreement_id);
