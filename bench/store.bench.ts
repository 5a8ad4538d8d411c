/**
 * npm run bench:store — our SQLite event store against raw better-sqlite3 on the same row shape
 * and durability (WAL, synchronous=FULL). The machine is shared and noisy, so each comparison runs
 * in alternating rounds (raw, ours, raw, ours…) and reports medians and the median of the ratios.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalBytes, leafHash, type NewEvent, SqliteEventStore, ZERO_HASH } from '@ceasefire/event-store';
import { prepareAppend } from '../libs/event-store/src/append/prepare-append';
import { sealEvents } from '../libs/event-store/src/append/seal-events';
import { openEventDatabase } from '../libs/event-store/src/sqlite/sqlite-schema';
import { benchDir, fmt, mib, timed } from './bench-support';

const READ_EVENTS = Number(process.env.BENCH_READ_EVENTS ?? 1_000_000);
const SINGLE = Number(process.env.BENCH_SINGLE ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const payload = () => ({
  incident: randomUUID(),
  category: 'CROSS_BORDER_FIRE',
  location: { lat: 30.9, lon: 66.45, precisionKm: 5, place: 'Chaman–Spin Boldak crossing' },
  casualties: { low: 0, best: 1, high: 3 },
  description: 'Artillery fire reported near the crossing; monitors requested access.',
});
const newEvent = (): NewEvent => ({
  id: randomUUID(),
  type: 'IncidentReported',
  data: payload(),
  metadata: { correlationId: randomUUID(), principal: 'monitor-1' },
});

/** A pre-sealed row for the raw ceiling: same columns and sizes, hashing done outside the timer. */
const rawRow = (stream: string, revision: number) => {
  const envelope = canonicalBytes({
    v: 1,
    stream,
    revision,
    eventId: randomUUID(),
    type: 'IncidentReported',
    schemaVersion: 1,
    recordedAt: new Date().toISOString(),
    data: payload(),
    metadata: {},
    prevHash: ZERO_HASH,
  });
  return [
    randomUUID(),
    stream,
    'incident',
    revision,
    'IncidentReported',
    leafHash(envelope).toString('hex'),
    envelope.toString('utf8'),
  ] as const;
};

/** Inserts `transactions` transactions of `perTransaction` rows, spread over `streams` streams. */
const raw = async (name: string, perTransaction: number, transactions: number, streams = transactions) => {
  const db = new Database(join(benchDir(name), 'raw.sqlite'));
  openEventDatabase(db, 'FULL');
  const insert = db.prepare(
    'INSERT INTO events (event_id, stream, category, revision, type, hash, envelope) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const total = perTransaction * transactions;
  const rows = Array.from({ length: total }, (_, i) => rawRow(`incident-${i % streams}`, Math.floor(i / streams)));
  const write = db.transaction((slice: typeof rows) => slice.forEach((r) => insert.run(...r)));
  const result = await timed(() => {
    for (let t = 0; t < transactions; t++) write(rows.slice(t * perTransaction, (t + 1) * perTransaction));
    return total;
  });
  db.close();
  return result.perSecond;
};

const ours = async (name: string, work: (store: SqliteEventStore) => Promise<number>) => {
  const store = new SqliteEventStore({ path: join(benchDir(name), 'events.sqlite') });
  const result = await timed(() => work(store));
  await store.close();
  return result.perSecond;
};

const single = (store: SqliteEventStore) =>
  (async () => {
    for (let i = 0; i < SINGLE; i++) await store.append(`incident-s${i}`, [newEvent()], { expected: 'no_stream' });
    return SINGLE;
  })();
const batched = (store: SqliteEventStore) =>
  (async () => {
    for (let i = 0; i < 200; i++)
      await store.append(`incident-b${i}`, Array.from({ length: 100 }, newEvent), { expected: 'no_stream' });
    return 20_000;
  })();
const PER_APPENDER = Math.ceil((SINGLE * 6) / 32);
const concurrent = (store: SqliteEventStore) =>
  (async () => {
    await Promise.all(
      Array.from({ length: 32 }, async (_, a) => {
        for (let i = 0; i < PER_APPENDER; i++)
          await store.append(`incident-c${a}`, [newEvent()], { expected: i === 0 ? 'no_stream' : i - 1 });
      }),
    );
    return PER_APPENDER * 32;
  })();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const compare = async (label: string, baseline: () => Promise<number>, candidate: () => Promise<number>) => {
  const b: number[] = [];
  const c: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    b.push(await baseline());
    c.push(await candidate());
    process.stdout.write('.');
  }
  return { label, baseline: median(b), candidate: median(c), ratio: median(c.map((x, i) => x / b[i])) };
};

const main = async () => {
  console.log(
    `bench:store — node ${process.version}, SQLite WAL synchronous=FULL, ${ROUNDS} alternating rounds, files under ${process.env.BENCH_DIR ?? '.bench'}`,
  );
  const batches = Array.from({ length: 500 }, () => Array.from({ length: 100 }, newEvent));
  const hashing = await timed(() => {
    for (const batch of batches)
      sealEvents(
        prepareAppend('incident-x', batch, {}, () => new Date()),
        0,
        ZERO_HASH,
      );
    return batches.length * 100;
  });

  const results = [
    await compare(
      'single-event appends, one at a time   vs raw 1 event/tx',
      () => raw('raw1', 1, SINGLE),
      () => ours('single', single),
    ),
    await compare(
      '100-event batches                     vs raw 100 events/tx',
      () => raw('raw100', 100, 200),
      () => ours('batched', batched),
    ),
    await compare(
      '32 concurrent single-event appenders  vs raw 1 event/tx',
      () => raw('raw1c', 1, SINGLE),
      () => ours('concurrent', concurrent),
    ),
    await compare(
      '32 concurrent single-event appenders  vs raw 32 events/tx',
      () => raw('raw32', 32, PER_APPENDER, 32),
      () => ours('concurrent32', concurrent),
    ),
  ];

  const reader = new SqliteEventStore({ path: join(benchDir('read'), 'events.sqlite'), durability: 'NORMAL' });
  process.stdout.write(`\nfilling ${fmt(READ_EVENTS)} events for the read test `);
  for (let written = 0; written < READ_EVENTS; written += 1000) {
    await reader.append(
      `incident-r${written}`,
      Array.from({ length: Math.min(1000, READ_EVENTS - written) }, newEvent),
    );
    if (written % 100_000 === 0) process.stdout.write('.');
  }
  // Retained heap, measured after a forced GC every 200k events: flat means reading holds no events.
  const retained = () => {
    global.gc?.();
    return process.memoryUsage().heapUsed;
  };
  const memory = { start: retained(), samples: [] as number[] };
  const reads: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const read = await timed(async () => {
      let n = 0;
      for await (const e of reader.readAll()) {
        if (e.data === undefined) throw new Error('impossible');
        if (++n % 200_000 === 0 && r === 0) memory.samples.push(retained());
      }
      return n;
    });
    if (r > 0 || !global.gc) reads.push(read.perSecond);
  }
  await reader.close();

  console.log('\n');
  console.log(`validation + canonical JSON + SHA-256 alone (no I/O): ${fmt(hashing.perSecond)} events/s`);
  for (const r of results)
    console.log(
      `${r.label}: ours ${fmt(r.candidate).padStart(7)}/s, raw ${fmt(r.baseline).padStart(7)}/s, ratio ${r.ratio.toFixed(2)}×`,
    );
  console.log(
    `readAll (full events, parsed): ${fmt(median(reads))} events/s (${(median(reads) / 200_000).toFixed(2)}× the 200k/s target; timed rounds ${reads.map(fmt).join(', ')}; the first round, with forced GCs, is not timed)`,
  );
  console.log(
    `readAll of ${fmt(READ_EVENTS)} events: retained heap ${mib(memory.start)} before, then every 200k events: ${memory.samples.map(mib).join(', ')}`,
  );
  console.log('targets: batches ≥ 0.50× raw 100/tx; 32 concurrent ≥ 5× raw 1/tx; readAll ≥ 200k/s; memory flat');
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
