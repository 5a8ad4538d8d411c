import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type BatchAnswer, checkBatch } from './batch-checks';

/** A power of two, so every batch but the last is an aligned perfect subtree. */
export const BATCH = 2048;

export type CheckedBatch = BatchAnswer & { lines: Buffer[]; first: number };

// The worker runs this directory's batch-worker module, compiled or (under tsx) as TypeScript.
const workerFile = (): string | undefined => {
  if (typeof __dirname !== 'string' || typeof __filename !== 'string') return undefined;
  const file = join(__dirname, `batch-worker${extname(__filename)}`);
  return existsSync(file) ? file : undefined;
};

/** Under tsx (development) the worker registers tsx's require hook before loading the TypeScript module. */
const bootstrap = (file: string) =>
  `${file.endsWith('.ts') ? "require('tsx/cjs/api').register();" : ''} require(${JSON.stringify(file)});`;

/**
 * Checks batches on worker threads (one per core, up to 4), or inline where workers cannot load the
 * code (a test runner); answers come back in the order the batches were sent.
 */
export class BatchPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, { resolve: (a: BatchAnswer) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor(threads = Math.min(4, availableParallelism())) {
    const file = workerFile();
    for (let i = 0; file && i < threads; i++) {
      const worker = new Worker(bootstrap(file), { eval: true });
      worker.on('message', ({ id, answer }: { id: number; answer: BatchAnswer }) => {
        this.pending.get(id)?.resolve(answer);
        this.pending.delete(id);
      });
      worker.on('error', (error) => {
        this.pending.forEach((p) => p.reject(error));
        this.pending.clear();
      });
      this.workers.push(worker);
    }
  }

  get inFlightLimit(): number {
    return Math.max(1, this.workers.length) * 2;
  }

  check(lines: Buffer[], first: number, subtree: boolean): Promise<CheckedBatch> {
    const id = this.next++;
    // Each line is preceded by a 0x00 byte, the RFC 9162 leaf prefix, so the leaf hash needs no copy.
    const bytes = new Uint8Array(lines.reduce((n, l) => n + l.length + 1, 0));
    const ends = new Uint32Array(lines.length);
    let at = 0;
    lines.forEach((line, i) => {
      bytes.set(line, at + 1);
      at += line.length + 1;
      ends[i] = at;
    });
    if (this.workers.length === 0) return Promise.resolve({ ...checkBatch(bytes, ends, first, subtree), lines, first });
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: (answer) => resolve({ ...answer, lines, first }), reject });
      this.workers[id % this.workers.length].postMessage({ id, bytes, ends, first, subtree }, [
        bytes.buffer,
        ends.buffer,
      ]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** The entries in checked batches, in order, with a few batches in flight ahead. */
export async function* checkedBatches(entries: AsyncIterable<Buffer>, pool: BatchPool): AsyncGenerator<CheckedBatch> {
  const inFlight: Promise<CheckedBatch>[] = [];
  // Each is awaited in turn; this keeps a failure further ahead from counting as unhandled meanwhile.
  const send = (lines: Buffer[], first: number, subtree: boolean) => {
    const checked = pool.check(lines, first, subtree);
    checked.catch(() => undefined);
    inFlight.push(checked);
  };
  let batch: Buffer[] = [];
  let first = 0;
  for await (const line of entries) {
    batch.push(line);
    if (batch.length < BATCH) continue;
    send(batch, first, true);
    first += batch.length;
    batch = [];
    if (inFlight.length > pool.inFlightLimit) yield await (inFlight.shift() as Promise<CheckedBatch>);
  }
  if (batch.length) send(batch, first, false);
  while (inFlight.length) yield await (inFlight.shift() as Promise<CheckedBatch>);
}
