/**
 * npm run bench:ledger — the ledger projector's append rate, inclusion-proof latency at 1M leaves and
 * offline bundle verification, each against SHA-256 of the same bytes alone (the ceiling), in one run.
 */
import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalText, leafHash, type RecordedEvent } from '@ceasefire/event-store';
import { formatCheckpoint, formatVerifierKey, inclusionPathOf, noteKeyHash, signNote } from '@ceasefire/ledger';
import { openReadModelDatabase } from '@ceasefire/projections';
import { ledgerProjection } from '../apps/api/src/ledger/ledger.projection';
import { ledgerHasher } from '../apps/api/src/ledger/ledger.queries';
import { verifyBundle } from '../apps/cli/src/verify/verify-bundle';
import { benchDir, fmt, mib } from './bench-support';

const LEAVES = Number(process.env.BENCH_LEAVES ?? 1_000_000);
const BUNDLE = Number(process.env.BENCH_BUNDLE ?? 300_000);
const PROOFS = 2000;

/** Envelopes shaped like the real ones, chained per stream, as their canonical text and leaf hash. */
function* envelopes(count: number) {
  const tails = new Map<string, { revision: number; hash: string }>();
  for (let i = 0; i < count; i++) {
    const stream = `incident-${i % 5000}`;
    const tail = tails.get(stream);
    const canonical = canonicalText({
      v: 1,
      stream,
      revision: tail ? tail.revision + 1 : 0,
      eventId: randomUUID(),
      type: 'EvidenceRegistered',
      schemaVersion: 1,
      recordedAt: '2025-11-01T00:00:00.000Z',
      data: {
        sha256: 'ab'.repeat(32),
        mediaType: 'image/jpeg',
        custodian: 'PK liaison',
        description: 'Photo of the post',
      },
      metadata: { principal: 'p-pk' },
      prevHash: tail ? tail.hash : '0'.repeat(64),
    });
    const hash = leafHash(canonical).toString('hex');
    tails.set(stream, { revision: tail ? tail.revision + 1 : 0, hash });
    yield { canonical, hash, index: i };
  }
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const main = async () => {
  console.log(`bench:ledger — node ${process.version}; ${fmt(LEAVES)} leaves, bundle of ${fmt(BUNDLE)} entries`);
  const generated = [...envelopes(LEAVES)];

  // Ceiling: SHA-256 (with the 0x00 leaf prefix) of the same canonical bytes, nothing else.
  let t = performance.now();
  for (const e of generated) leafHash(e.canonical);
  const shaRate = (LEAVES / (performance.now() - t)) * 1000;

  // The projector: re-derive each leaf hash from its bytes, store the leaf and the subtrees it completes.
  const db = openReadModelDatabase(join(benchDir('ledger'), 'read-models.sqlite'));
  const tx = { db, table: (name: string) => `ledger_v1_${name}` };
  ledgerProjection.setup(tx);
  const apply = db.transaction((batch: typeof generated) => {
    for (const e of batch)
      ledgerProjection.apply(
        {
          canonical: e.canonical,
          hash: e.hash,
          eventId: `e${e.index}`,
          position: String(e.index).padStart(20, '0'),
        } as RecordedEvent,
        tx,
      );
  });
  t = performance.now();
  for (let i = 0; i < LEAVES; i += 1000) {
    apply(generated.slice(i, i + 1000));
    if (i % 100_000 === 0) process.stdout.write('.');
  }
  const projectorRate = (LEAVES / (performance.now() - t)) * 1000;

  // Inclusion proofs at the full size, for random leaves, from stored nodes only.
  const hasher = ledgerHasher({ db, table: (_projection, table) => tx.table(table) });
  const latencies: number[] = [];
  for (let i = 0; i < PROOFS; i++) {
    const index = Math.floor(Math.random() * LEAVES);
    const start = performance.now();
    inclusionPathOf(hasher, index, LEAVES);
    latencies.push(performance.now() - start);
  }
  const root = hasher(0, BUNDLE);
  db.close();

  // A full bundle of the first BUNDLE entries, signed, then verified offline as an auditor would.
  const dir = benchDir('bundle');
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const signer = { name: 'bench.example/log', keyHash: noteKeyHash('bench.example/log', raw), publicKey, privateKey };
  const note = signNote(formatCheckpoint({ origin: 'bench.example/log', size: BUNDLE, root }), [signer]);
  writeFileSync(join(dir, 'checkpoint'), note);
  const out = createWriteStream(join(dir, 'entries.jsonl'));
  const fileHash = createHash('sha256');
  for (const e of generated.slice(0, BUNDLE)) {
    fileHash.update(`${e.canonical}\n`);
    out.write(`${e.canonical}\n`);
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  const manifest = {
    format: 'ceasefire-ledger-export/v1',
    origin: 'bench.example/log',
    size: BUNDLE,
    verifierKey: formatVerifierKey(signer),
    files: { checkpoint: createHash('sha256').update(note).digest('hex'), 'entries.jsonl': fileHash.digest('hex') },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  generated.length = 0;
  global.gc?.();
  const heap: number[] = [];
  t = performance.now();
  let nextSample = 50_000;
  const report = await verifyBundle(dir, { key: formatVerifierKey(signer) }, (done) => {
    if (done >= nextSample) {
      nextSample += 50_000;
      global.gc?.();
      heap.push(process.memoryUsage().heapUsed);
    }
  });
  const verifyRate = (BUNDLE / (performance.now() - t)) * 1000;
  if (!report.ok) throw new Error(`bench bundle did not verify: ${report.failure?.message}`);

  console.log('\n');
  console.log(`SHA-256 leaf hashing alone (ceiling):     ${fmt(shaRate)} leaves/s`);
  console.log(
    `projector append (hash check + SQLite):   ${fmt(projectorRate)} leaves/s  ${(projectorRate / shaRate).toFixed(2)}× the ceiling (target ≥ 50,000/s)`,
  );
  console.log(
    `inclusion proof at ${fmt(LEAVES)} leaves:     p50 ${percentile(latencies, 50).toFixed(3)} ms, p99 ${percentile(latencies, 99).toFixed(3)} ms (target p99 ≤ 2 ms)`,
  );
  console.log(
    `offline bundle verification:               ${fmt(verifyRate)} entries/s  ${(verifyRate / shaRate).toFixed(2)}× the ceiling (target ≥ 100,000/s)`,
  );
  console.log(`verifier main-thread heap every 50k:     ${heap.map(mib).join(', ')}`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
