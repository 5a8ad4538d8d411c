import type { CheckedCheckpoint } from './checkpoint-checks';
import { EntryChecker } from './entry-checks';
import { RootBuilder } from './offline-merkle';
import { VerifyFailure } from './verify-failure';

export interface LogSummary {
  entries: number;
  streams: number;
  signedSubmissions: number;
  /** Entries past the checkpoint (a live store): chain-checked, not yet covered by a signature. */
  unsigned: number;
  warnings: string[];
}

/**
 * Every leaf from 0, in order: each entry's own checks, then the recomputed root at the signed size and at
 * the size of every older checkpoint the auditor holds. Equal roots prove nothing was altered, reordered,
 * added or dropped; an entry past the signed size is a failure unless `allowUnsignedTail` (a live store).
 */
export const verifyLog = async (
  entries: AsyncIterable<Buffer>,
  { checkpoint, older }: CheckedCheckpoint,
  progress: (done: number, total: number) => void,
  allowUnsignedTail = false,
): Promise<LogSummary> => {
  const checker = new EntryChecker();
  const tree = new RootBuilder();
  const olderBySize = new Map(older.filter((o) => o.size > 0).map((o) => [o.size, o]));
  for await (const bytes of entries) {
    const entry = tree.count;
    if (entry === checkpoint.size && !allowUnsignedTail)
      throw new VerifyFailure(`there are more entries than the ${checkpoint.size} the checkpoint signs`, { entry });
    tree.add(checker.check(bytes.toString('utf8'), entry, bytes));
    const held = olderBySize.get(tree.count);
    if (held && !tree.root().equals(held.root))
      throw new VerifyFailure(
        `the first ${held.size} entries do not give the root of the checkpoint of that size you hold: history was rewritten`,
      );
    if (tree.count === checkpoint.size && !tree.root().equals(checkpoint.root))
      throw new VerifyFailure(
        `the first ${checkpoint.size} entries do not give the signed root: something was altered, reordered, inserted or dropped`,
      );
    if (tree.count % 10_000 === 0) progress(tree.count, checkpoint.size);
  }
  progress(tree.count, checkpoint.size);
  if (tree.count < checkpoint.size)
    throw new VerifyFailure(
      `only ${tree.count} entries; the checkpoint signs ${checkpoint.size}: the tail was dropped`,
    );
  return {
    entries: tree.count,
    streams: checker.streams,
    signedSubmissions: checker.signedSubmissions,
    unsigned: tree.count - checkpoint.size,
    warnings: checker.warnings,
  };
};
