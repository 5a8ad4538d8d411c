import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedCheckpoint } from './checkpoint-checks';
import { EntryChecker } from './entry-checks';
import { verifyConsistency, verifyInclusion } from './offline-merkle';
import { readTlogProof } from './offline-note';
import type { LogSummary } from './verify-log';
import { VerifyFailure } from './verify-failure';

export interface ConsistencyFile {
  from: number;
  to: number;
  hashes: string[];
}

/**
 * A selective bundle (one agreement, or the log from some size on): each entry carries a tlog-proof
 * receipt against the bundle's checkpoint, and a consistency proof links the checkpoint to the older
 * one the auditor holds.
 */
export const verifySelection = async (
  dir: string,
  entries: AsyncIterable<Buffer>,
  { checkpoint, older }: CheckedCheckpoint,
  fromSize: number,
  progress: (done: number, total: number) => void,
): Promise<LogSummary> => {
  const checker = new EntryChecker(fromSize > 0);
  let last = -1;
  let count = 0;
  for await (const bytes of entries) {
    const line = bytes.toString('utf8');
    let eventId: string;
    try {
      eventId = (JSON.parse(line) as { eventId: string }).eventId;
    } catch {
      throw new VerifyFailure(`line ${count + 1} of entries.jsonl is not JSON`);
    }
    const file = join(dir, 'receipts', `${eventId}.tlog-proof`);
    if (!/^[0-9a-f-]{36}$/.test(eventId) || !existsSync(file))
      throw new VerifyFailure(`line ${count + 1} of entries.jsonl (event ${eventId}) has no receipt`);
    const receipt = readTlogProof(readFileSync(file, 'utf8'));
    const place = { entry: receipt.index };
    if (!receipt.note.startsWith(`${checkpoint.body}\n`))
      throw new VerifyFailure(`the receipt of event ${eventId} is for another checkpoint`, place);
    if (receipt.index <= last) throw new VerifyFailure(`entries are not in log order (after entry ${last})`, place);
    const leaf = checker.check(line, receipt.index, bytes);
    if (!verifyInclusion(receipt.index, checkpoint.size, leaf, receipt.path, checkpoint.root))
      throw new VerifyFailure(`event ${eventId}: its inclusion proof does not give the signed root`, place);
    last = receipt.index;
    count += 1;
    if (count % 1000 === 0) progress(count, count);
  }
  progress(count, count);
  if (older.length > 0) {
    const path = join(dir, 'consistency.json');
    const proof = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ConsistencyFile) : undefined;
    for (const old of older) {
      if (old.size === checkpoint.size) {
        if (!old.root.equals(checkpoint.root)) throw new VerifyFailure(`split view: two roots for size ${old.size}`);
        continue;
      }
      if (!proof || proof.from !== old.size || proof.to !== checkpoint.size)
        throw new VerifyFailure(
          `the bundle has no consistency proof from size ${old.size}: export it with --from-size ${old.size}`,
        );
      const hashes = proof.hashes.map((h) => Buffer.from(h, 'base64'));
      if (!verifyConsistency(old.size, checkpoint.size, old.root, checkpoint.root, hashes))
        throw new VerifyFailure(
          `the checkpoint of size ${checkpoint.size} does not extend the one of size ${old.size} you hold: history was rewritten`,
        );
    }
  }
  return {
    entries: count,
    streams: checker.streams,
    signedSubmissions: checker.signedSubmissions,
    partyKeys: checker.partyKeys,
    withheld: {},
    unsigned: 0,
    warnings: checker.warnings,
  };
};
