import { AppendTooLarge } from '../port/event-store.errors';
import type { SubscriptionMessage } from '../port/event-store.port';
import { anEvent, collect, someEvents, uniqueCategory, uniqueStream } from '../testing/test-events';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { encodePosition } from './eventstoredb-position';
import { EsdbModel, type ModelRecord, type ServerVersion, systemRecords } from './testing/esdb-model';
import { EsdbStandIn } from './testing/esdb-stand-in';

// What the adapter does against a server that behaves as EventStoreDB's source says it does, over
// the real client and real HTTP/2 (the stand-in is a transport, answered by the in-memory model).
// Each case is one finding of the EventStoreDB review; each failed before its fix.

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

const within = async <T>(promise: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
};

const binary = (type: string, data: string | Buffer, json = false) => ({
  id: crypto.randomUUID(),
  type,
  json,
  data: Buffer.from(data),
  metadata: new Uint8Array(),
});

describe('EventStoreDB adapter against the server model, over loopback gRPC', () => {
  let model: EsdbModel;
  let standIn: EsdbStandIn;
  let store: EventStoreDbEventStore;
  const warnings: string[] = [];

  const open = async (version: ServerVersion = '24.10.0') => {
    model = new EsdbModel(version);
    standIn = await EsdbStandIn.start(model);
    store = await EventStoreDbEventStore.connect(standIn.connectionString, { warn: (m) => warnings.push(m) });
  };

  afterEach(async () => {
    await within(store.close(), 5000, 'close');
    await standIn.stop();
    warnings.length = 0;
  });

  it('cancels every read its caller leaves early, so the connection keeps answering (finding 1)', async () => {
    await open();
    const stream = uniqueStream();
    for (let i = 0; i < 4; i++)
      await store.append(
        stream,
        someEvents(50).map((e) => ({ ...e, data: { pad: 'x'.repeat(1500) } })),
      );
    for (let i = 0; i < 60; i++) for await (const _ of store.readStream(stream)) break;
    for (let i = 0; i < 60; i++) for await (const _ of store.readAll()) break;
    for (let i = 0; i < 60; i++) await store.headPosition();
    await until(() => model.openCalls === 0);
    await within(store.append(stream, [anEvent()]), 5000, 'append after 180 early-ended reads');
  });

  it('skips a binary event that is not an envelope, everywhere, and moves subscribers past it (finding 2)', async () => {
    await open();
    const stream = uniqueStream('incident');
    await store.append(stream, [anEvent()]);
    model.write(uniqueStream('incident'), [binary('Imported', 'not json at all')]);
    model.write(uniqueStream('incident'), [binary('Imported', '{"v":1,"hello":"json"}', true)]);
    const [ours] = model.records.filter((r) => r.stream === stream);
    model.write(uniqueStream('copied'), [{ ...binary(ours.type, Buffer.from(ours.data)), id: ours.id }]);
    const { position } = await store.append(stream, [anEvent()]);
    expect((await collect(store.readAll())).map((e) => e.stream)).toEqual([stream, stream]);
    let last: string | undefined;
    const controller = new AbortController();
    for await (const m of store.subscribeAll({ signal: controller.signal })) {
      if (m.kind !== 'caughtUp') last = m.kind === 'event' ? m.event.position : m.position;
      if (last !== undefined && last >= position) controller.abort();
    }
    expect(last).toBe(position);
    expect(store.diagnostics().skippedForeignEvents).toBe(3);
    expect(warnings.join('\n')).toMatch(/not an envelope/);
    expect(warnings.join('\n')).toMatch(/its envelope says/);
  });

  it('never hands a consumer a checkpoint ahead of an event it has not seen, however slowly it reads (finding 4)', async () => {
    await open();
    const wanted = uniqueCategory('wanted');
    const noise = uniqueCategory('noise');
    const before = await store.headPosition();
    for (let i = 0; i < 30; i++) {
      await store.append(`${wanted}-${i}`, someEvents(50));
      await store.append(`${noise}-${i}`, someEvents(50));
    }
    const head = (await store.headPosition())!;
    const wantedPositions = model.records
      .filter((r: ModelRecord) => r.stream.startsWith(`${wanted}-`))
      .map((r) => encodePosition({ commit: r.position, prepare: r.position }));
    const seen = new Set<string>();
    const controller = new AbortController();
    let checkpoints = 0;
    let first = true;
    for await (const m of store.subscribeAll({
      fromExclusive: before,
      filter: { categories: [wanted] },
      signal: controller.signal,
    })) {
      if (first) await new Promise((r) => setTimeout(r, 300)); // let the client's buffer fill and pause
      first = false;
      if (m.kind === 'event') seen.add(m.event.position);
      else if (m.position !== undefined) {
        checkpoints++;
        const missed = wantedPositions.filter((p) => p <= m.position! && !seen.has(p));
        expect({ at: m.position, missed }).toEqual({ at: m.position, missed: [] });
        if (m.position >= head) controller.abort();
      }
    }
    expect(seen.size).toBe(1500);
    expect(checkpoints).toBeGreaterThan(0);
  });

  it('ends catch-up at the head although the server last checkpointed before a filtered-out tail (finding 5)', async () => {
    await open();
    const quiet = uniqueCategory('quiet');
    const before = await store.headPosition();
    await store.append(`${quiet}-1`, [anEvent()]);
    const { position } = await store.append(uniqueStream(uniqueCategory('noise')), someEvents(3));
    const controller = new AbortController();
    let caughtUpAt: string | undefined;
    for await (const m of store.subscribeAll({
      fromExclusive: before,
      filter: { categories: [quiet] },
      signal: controller.signal,
    }))
      if (m.kind === 'caughtUp') {
        caughtUpAt = m.position;
        controller.abort();
      }
    expect(caughtUpAt).toBe(position);
  });

  it('resumes a 23.10 subscription from a page checkpoint without skipping the event after it (finding 5)', async () => {
    await open('23.10.0');
    const wanted = uniqueCategory('wanted');
    // Two system records, then 98 others: the first page of 100 ends just before the wanted event.
    await store.append(uniqueStream(uniqueCategory('noise')), someEvents(98));
    await store.append(`${wanted}-1`, [anEvent('Wanted')]);
    const read = async (fromExclusive?: string) => {
      const out: SubscriptionMessage[] = [];
      const controller = new AbortController();
      for await (const m of store.subscribeAll({
        fromExclusive,
        filter: { categories: [wanted] },
        signal: controller.signal,
      })) {
        out.push(m);
        if (m.kind !== 'checkpoint') controller.abort();
      }
      return out;
    };
    const [pageCheckpoint] = await read();
    expect(pageCheckpoint.kind).toBe('checkpoint');
    expect((pageCheckpoint as { position: string }).position).toMatch(/:00000000000000000000$/);
    const [resumed] = await read((pageCheckpoint as { position: string }).position);
    expect(resumed).toMatchObject({ kind: 'event', event: { stream: `${wanted}-1` } });
  });

  it('finds the head behind more than 100 system records (finding 6)', async () => {
    await open();
    const { position } = await store.append(uniqueStream(), [anEvent()]);
    systemRecords(model, 250);
    expect(await store.headPosition()).toBe(position);
  });

  it('refuses a server older than 23.10 at connect, saying which versions it supports (finding 7)', async () => {
    const old = new EsdbModel('22.10.0');
    const oldServer = await EsdbStandIn.start(old);
    try {
      await expect(EventStoreDbEventStore.connect(oldServer.connectionString)).rejects.toThrow(
        /EventStoreDB 23\.10 or later is required \(24\.2 or later recommended\); the server says its version is "22\.10\.0"/,
      );
    } finally {
      await oldServer.stop();
    }
    await open();
  });

  it("turns the server's append-size refusal into AppendTooLarge and writes nothing (finding 8)", async () => {
    await open();
    model.maxAppendSize = 4096;
    const stream = uniqueStream();
    const error = await store.append(stream, [anEvent('Big', { blob: 'x'.repeat(8000) })]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppendTooLarge);
    expect((error as AppendTooLarge).refusedBy).toBe('the server');
    await expect(collect(store.readStream(stream))).rejects.toThrow(/not found/);
  });

  it('filters $all reads on the server: only matching events cross the wire (finding 9)', async () => {
    await open();
    const wanted = uniqueCategory('wanted');
    for (let i = 0; i < 6; i++) {
      await store.append(`${wanted}-${i}`, someEvents(100));
      await store.append(uniqueStream(uniqueCategory('noise')), someEvents(100));
    }
    const sentBefore = model.recordsSent;
    const read = await collect(store.readAll({ filter: { categories: [wanted] } }));
    expect(read).toHaveLength(600);
    expect(model.recordsSent - sentBefore).toBeLessThan(700);
    await until(() => model.openCalls === 0);
  });

  it('reads the whole of $all in bounded pages, each call ending by itself', async () => {
    await open();
    await store.append(uniqueStream(), someEvents(1200));
    expect(await collect(store.readAll())).toHaveLength(1200);
    expect(model.openCalls).toBe(0);
  });

  it('lands every `any` append however many writers race for the stream (finding 11)', async () => {
    await open();
    const stream = uniqueStream();
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => store.append(stream, [anEvent()])));
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(await collect(store.readStream(stream))).toHaveLength(20);
  });
});
