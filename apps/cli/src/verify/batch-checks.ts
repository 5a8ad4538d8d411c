import { ChainChecker } from './chain-checks';
import { type ChainLink, concernsSignatures, withheldEntry } from './envelope';
import { readEntry } from './entry-checks';
import { nodeHashOf, prefixedLeafHashOf } from './offline-merkle';
import { type FailurePlace, VerifyFailure } from './verify-failure';

/** What checking one batch of consecutive entries on its own found; the main thread joins batches in order. */
export interface BatchAnswer {
  /** 32 bytes per line: SHA-256(0x00 ‖ line). */
  hashes: Uint8Array;
  /** The batch's subtree root, when asked for (a whole, aligned, power-of-two batch: RFC 9162 §2.1.1). */
  subtree: Uint8Array | null;
  /** Each stream's first entry in the batch, to link to the entries before it. */
  heads: (ChainLink & { entry: number })[];
  /** Each stream's last revision and hash in the batch. */
  tails: [stream: string, revision: number, hash: string][];
  /** Lines (offsets in the batch) to read whole, in order, for the signature checks. */
  whole: number[];
  /** Entries withheld from the bundle's audience, by reason. */
  withheld: Record<string, number>;
  /** The batch's first failure; entries after it are not checked. */
  failure: { message: string; place: FailurePlace } | null;
}

/**
 * Everything about a run of entries that needs no earlier entry: JSON, canonical form, leaf hashes, the
 * links between entries of the same stream inside the run, and optionally the run's subtree root.
 * Each line in `bytes` follows a 0x00 byte (the leaf prefix); `ends` marks where each ends.
 */
export const checkBatch = (bytes: Uint8Array, ends: Uint32Array, first: number, subtree: boolean): BatchAnswer => {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hashes = new Uint8Array(32 * ends.length);
  const chains = new ChainChecker(true);
  const whole: number[] = [];
  const leaves: Buffer[] = [];
  const withheld: Record<string, number> = {};
  let failure: BatchAnswer['failure'] = null;
  let start = 0;
  for (let i = 0; i < ends.length && !failure; i++) {
    const line = buffer.subarray(start + 1, ends[i]);
    const held = withheldEntry(line.toString('utf8'));
    const leaf = held ? Buffer.from(held.leafHash, 'hex') : prefixedLeafHashOf(buffer, start + 1, ends[i]);
    start = ends[i];
    if (held) {
      hashes.set(leaf, 32 * i);
      leaves.push(leaf);
      withheld[held.reason] = (withheld[held.reason] ?? 0) + 1;
      const place = { entry: first + i, stream: held.stream, revision: held.revision };
      try {
        chains.link({ stream: held.stream, revision: held.revision, prevHash: null }, held.leafHash, place);
      } catch (error) {
        if (!(error instanceof VerifyFailure)) throw error;
        failure = { message: error.message, place: error.place };
      }
      continue;
    }
    hashes.set(leaf, 32 * i);
    leaves.push(leaf);
    try {
      const envelope = readEntry(line.toString('utf8'), first + i);
      chains.link(envelope, leaf.toString('hex'), {
        entry: first + i,
        stream: envelope.stream,
        revision: envelope.revision,
      });
      if (concernsSignatures(envelope)) whole.push(i);
    } catch (error) {
      if (!(error instanceof VerifyFailure)) throw error;
      failure = { message: error.message, place: error.place };
    }
  }
  return {
    hashes,
    subtree: subtree && !failure ? perfectSubtreeRoot(leaves) : null,
    heads: chains.heads,
    tails: [...chains.tails].map(([stream, t]) => [stream, t.revision, t.hash]),
    whole,
    withheld,
    failure,
  };
};

const perfectSubtreeRoot = (leaves: Buffer[]): Uint8Array => {
  let level = leaves;
  while (level.length > 1) {
    const up: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) up.push(nodeHashOf(level[i], level[i + 1]));
    level = up;
  }
  return new Uint8Array(level[0]);
};
