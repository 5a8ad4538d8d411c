import { BatchPool, type CheckedBatch, checkedBatches } from './batch-pool';
import { ChainChecker } from './chain-checks';
import type { CheckedCheckpoint } from './checkpoint-checks';
import type { Envelope } from './envelope';
import { RootBuilder } from './offline-merkle';
import { type KeyReport, SignatureChecker } from './signature-checks';
import { VerifyFailure } from './verify-failure';

export interface LogSummary {
  entries: number;
  streams: number;
  signedSubmissions: number;
  partyKeys: KeyReport[];
  /** Entries withheld from the bundle's audience, by reason: in the root and the chains, not readable. */
  withheld: Record<string, number>;
  /** Entries past the checkpoint (a live store): chain-checked, not yet covered by a signature. */
  unsigned: number;
  warnings: string[];
}

/**
 * Every leaf from 0, in order: each entry's own checks (in parallel batches), the links between batches,
 * the signatures in log order, then the recomputed root at the signed size and at the size of every older
 * checkpoint the auditor holds. Equal roots prove nothing was altered, reordered, added or dropped; an
 * entry past the signed size is a failure unless `allowUnsignedTail` (a live store).
 */
export const verifyLog = async (
  entries: AsyncIterable<Buffer>,
  { checkpoint, older }: CheckedCheckpoint,
  progress: (done: number, total: number) => void,
  allowUnsignedTail = false,
): Promise<LogSummary> => {
  const chains = new ChainChecker();
  const signatures = new SignatureChecker();
  const tree = new RootBuilder();
  const olderBySize = new Map(older.filter((o) => o.size > 0).map((o) => [o.size, o]));
  const rootAt = (size: number) => {
    const held = olderBySize.get(size);
    if (held && !tree.root().equals(held.root))
      throw new VerifyFailure(
        `the first ${held.size} entries do not give the root of the checkpoint of that size you hold: history was rewritten`,
      );
    if (size === checkpoint.size && !tree.root().equals(checkpoint.root))
      throw new VerifyFailure(
        `the first ${checkpoint.size} entries do not give the signed root: something was altered, reordered, inserted or dropped`,
      );
  };
  const withheld: Record<string, number> = {};
  const pool = new BatchPool();
  try {
    for await (const batch of checkedBatches(entries, pool)) joinBatch(batch);
  } finally {
    await pool.close();
  }
  function joinBatch(batch: CheckedBatch) {
    for (const [reason, n] of Object.entries(batch.withheld)) withheld[reason] = (withheld[reason] ?? 0) + n;
    // A signer's registration may be among the withheld entries: an unknown principal is then not a failure.
    if (Object.keys(withheld).length > 0) signatures.tolerateUnknownPrincipals();
    const end = batch.first + batch.lines.length;
    throwFirst([
      ...failureOf(batch),
      ...attempt(() => batch.heads.forEach((head) => chains.joinHead(head))),
      ...attempt(() =>
        batch.whole.forEach((i) => {
          const e = JSON.parse(batch.lines[i].toString('utf8')) as Envelope;
          signatures.check(e, { entry: batch.first + i, stream: e.stream, revision: e.revision });
        }),
      ),
      ...(end > checkpoint.size && !allowUnsignedTail
        ? [
            new VerifyFailure(`there are more entries than the ${checkpoint.size} the checkpoint signs`, {
              entry: Math.max(checkpoint.size, batch.first),
            }),
          ]
        : []),
    ]);
    batch.tails.forEach(([stream, revision, hash]) => chains.tails.set(stream, { revision, hash }));
    // A root to check inside the batch (a held checkpoint's size) means building it leaf by leaf there.
    const inside = [...olderBySize.keys(), checkpoint.size].some((s) => s > batch.first && s < end);
    if (batch.subtree && !inside) {
      tree.addSubtree(Buffer.from(batch.subtree), batch.lines.length);
      rootAt(tree.count);
    } else
      for (let i = 0; i < batch.lines.length; i++) {
        tree.add(Buffer.from(batch.hashes.buffer, batch.hashes.byteOffset + 32 * i, 32));
        rootAt(tree.count);
      }
    progress(tree.count, checkpoint.size);
  }
  if (tree.count < checkpoint.size)
    throw new VerifyFailure(
      `only ${tree.count} entries; the checkpoint signs ${checkpoint.size}: the tail was dropped`,
    );
  return {
    entries: tree.count,
    streams: chains.tails.size,
    signedSubmissions: signatures.signedSubmissions,
    partyKeys: signatures.keys,
    withheld,
    unsigned: tree.count - checkpoint.size,
    warnings: signatures.warnings,
  };
};

const failureOf = (batch: CheckedBatch): VerifyFailure[] =>
  batch.failure ? [new VerifyFailure(batch.failure.message, batch.failure.place)] : [];

const attempt = (check: () => void): VerifyFailure[] => {
  try {
    check();
    return [];
  } catch (error) {
    if (error instanceof VerifyFailure) return [error];
    throw error;
  }
};

/** Checks of one batch ran out of order; the failure reported is the one at the earliest entry. */
const throwFirst = (failures: VerifyFailure[]): void => {
  if (failures.length === 0) return;
  throw failures.reduce((a, b) => ((b.place.entry ?? Infinity) < (a.place.entry ?? Infinity) ? b : a));
};
