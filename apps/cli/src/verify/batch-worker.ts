import { parentPort } from 'node:worker_threads';
import { checkBatch } from './batch-checks';

/** A worker thread of the verifier: checks the batches it is sent (see BatchPool). */
parentPort?.on(
  'message',
  ({
    id,
    bytes,
    ends,
    first,
    subtree,
  }: {
    id: number;
    bytes: Uint8Array;
    ends: Uint32Array;
    first: number;
    subtree: boolean;
  }) => {
    const answer = checkBatch(bytes, ends, first, subtree);
    parentPort?.postMessage({ id, answer }, [answer.hashes.buffer as ArrayBuffer]);
  },
);
