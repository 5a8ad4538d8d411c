/**
 * npm run bench:store — our SQLite event store against raw better-sqlite3 on the same row shape
 * and durability (WAL, synchronous=FULL), measured in the same run so the ratios hold on a noisy machine.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalBytes, leafHash, type NewEvent, SqliteEventStore, ZERO_HASH } from '@ceasefire/event-store';
import { prepareAppend } from '../libs/event-store/src/append/prepare-append';
import { sealEvents } from '../libs/event-store/src/append/seal-events';
import { openEventDatabase } from '../libs/event-store/src/sqlite/sqlite-schema';
import { benchDir, fmt, mib, ratio, timed } from './bench-support';

const READ_EVENTS = Number(process.env.BENCH_READ_EVENTS ?? 1_000_000);
const SINGLE = Number(process.env.BENCH_SINGLE ?? 1500);

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
    prevHash: '0'.repeat(64),
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

const rawInserts = (perTransaction: number, transactions: number) => {
  const db = new Database(join(benchDir(`raw-${perTransaction}`), 'raw.sqlite'));
  openEventDatabase(db, 'FULL');
  const insert = db.prepare(
    'INSERT INTO events (event_id, stream, category, revision, type, hash, envelope) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const rows = Array.from({ length: perTransaction * transactions }, (_, i) =>
    rawRow(`incident-${Math.floor(i / perTransaction)}`, i % perTransaction),
  );
  const write = db.transaction((slice: typeof rows) => slice.forEach((r) => insert.run(...r)));
  return timed(() => {
    for (let t = 0; t < transactions; t++) write(rows.slice(t * perTransaction, (t + 1) * perTransaction));
    db.close();
    return rows.length;
  });
};

const main = async () => {
  console.log(
    `bench:store — node ${process.version}, SQLite WAL synchronous=FULL, files under ${process.env.BENCH_DIR ?? '.bench'}\n`,
  );

  const raw1 = await rawInserts(1, SINGLE);
  const raw32 = await rawInserts(32, Math.ceil((SINGLE * 8) / 32));
  const raw100 = await rawInserts(100, 300);
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

  const fresh = (name: string) => new SqliteEventStore({ path: join(benchDir(name), 'events.sqlite') });
  let store = fresh('ours-single');
  const single = await timed(async () => {
    for (let i = 0; i < SINGLE; i++) await store.append(`incident-single${i}`, [newEvent()], { expected: 'no_stream' });
    return SINGLE;
  });
  await store.close();
  store = fresh('ours-batched');
  const batched = await timed(async () => {
    for (let i = 0; i < 300; i++)
      await store.append(`incident-batch${i}`, Array.from({ length: 100 }, newEvent), { expected: 'no_stream' });
    return 30_000;
  });
  await store.close();
  store = fresh('ours-concurrent');
  const concurrent = await timed(async () => {
    const perAppender = Math.ceil((SINGLE * 8) / 32);
    await Promise.all(
      Array.from({ length: 32 }, async (_, a) => {
        for (let i = 0; i < perAppender; i++)
          await store.append(`incident-c${a}`, [newEvent()], { expected: i === 0 ? 'no_stream' : i - 1 });
      }),
    );
    return perAppender * 32;
  });
  await store.close();

  const reader = new SqliteEventStore({ path: join(benchDir('read'), 'events.sqlite'), durability: 'NORMAL' });
  process.stdout.write(`filling ${fmt(READ_EVENTS)} events for the read test `);
  for (let written = 0; written < READ_EVENTS; written += 1000) {
    await reader.append(
      `incident-r${written}`,
      Array.from({ length: Math.min(1000, READ_EVENTS - written) }, newEvent),
    );
    if (written % 100_000 === 0) process.stdout.write('.');
  }
  console.log(' done');
  global.gc?.();
  const memory = { start: process.memoryUsage().heapUsed, max: 0 };
  const read = await timed(async () => {
    let n = 0;
    for await (const e of reader.readAll()) {
      if (++n % 50_000 === 0) memory.max = Math.max(memory.max, process.memoryUsage().heapUsed);
      if (e.revision < 0) throw new Error('impossible');
    }
    return n;
  });
  await reader.close();

  const rows = [
    ['raw better-sqlite3, 1 event per transaction', raw1.perSecond, '(ceiling for single appends)'],
    [
      'raw better-sqlite3, 32 events per transaction',
      raw32.perSecond,
      `${ratio(raw32.perSecond, raw1.perSecond)} raw 1/tx (most a 32-way group can reach)`,
    ],
    ['raw better-sqlite3, 100 events per transaction', raw100.perSecond, '(ceiling for batches)'],
    ['validation + canonical JSON + SHA-256 alone (no I/O)', hashing.perSecond, ''],
    [
      'ours: single-event appends, one at a time',
      single.perSecond,
      `${ratio(single.perSecond, raw1.perSecond)} raw 1/tx`,
    ],
    [
      'ours: 100-event batches',
      batched.perSecond,
      `${ratio(batched.perSecond, raw100.perSecond)} raw 100/tx (target ≥ 0.50×)`,
    ],
    [
      'ours: single-event appends, 32 concurrent (group commit)',
      concurrent.perSecond,
      `${ratio(concurrent.perSecond, raw1.perSecond)} raw 1/tx (target ≥ 5×), ${ratio(concurrent.perSecond, raw32.perSecond)} raw 32/tx`,
    ],
    ['ours: readAll', read.perSecond, `${ratio(read.perSecond, 200_000)} the 200k/s target`],
  ] as const;
  console.log('');
  for (const [name, perSecond, note] of rows)
    console.log(`${name.padEnd(58)} ${fmt(perSecond).padStart(10)} events/s  ${note}`);
  console.log(
    `\nreadAll of ${fmt(read.count)} events: heap ${mib(memory.start)} at start, ${mib(memory.max)} at most while reading`,
  );
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
