import { canonicalBytes } from '../envelope/canonical-json';
import { ENVELOPE_VERSION, leafHash, parseEnvelope, ZERO_HASH } from '../envelope/event-envelope';
import { verifyStreamChain } from '../envelope/verify-stream-chain';
import {
  AppendTooLarge,
  DuplicateEventId,
  EventTooLarge,
  InvalidArgument,
  NonCanonicalData,
  StreamNotFound,
  WrongExpectedRevision,
} from '../port/event-store.errors';
import type { EventStore, ExpectedState, JsonValue, NewEvent, SubscriptionMessage } from '../port/event-store.port';
import { anEvent, collect, someEvents, uniqueCategory, uniqueStream } from './test-events';

/** [1, <hole>, 3]: JSON.stringify would turn the hole into null, changing what was signed. */
const sparse = (): unknown[] => Object.assign(new Array(3), { 0: 1, 2: 3 });

export interface ConformanceTarget {
  name: string;
  /** Opens a store; the suite closes it. Absent means the target is unavailable here. */
  open?: () => Promise<EventStore>;
  /** Said plainly in the test names when `open` is absent. */
  skippedBecause?: string;
  /** Runs after the store is closed (e.g. stops a stand-in server). */
  closed?: () => Promise<void>;
}

/**
 * The one definition of what an EventStore adapter must do, run against every adapter.
 * It mirrors EventStoreDB: 0-based revisions, four expected states, atomic batches,
 * idempotent event ids, exclusive global checkpoints, catch-up-then-live subscriptions.
 */
export const eventStoreConformance = (target: ConformanceTarget): void => {
  if (!target.open) {
    describe(`EventStore conformance: ${target.name}`, () => {
      it.skip(`SKIPPED — ${target.skippedBecause ?? 'target unavailable'}`, () => undefined);
    });
    return;
  }
  const open = target.open;
  describe(`EventStore conformance: ${target.name}`, () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
      await target.closed?.();
    });

    const streamEvents = (stream: string) => collect(store.readStream(stream));
    const countOf = async (stream: string) => {
      try {
        return (await streamEvents(stream)).length;
      } catch (error) {
        if (error instanceof StreamNotFound) return 0;
        throw error;
      }
    };

    describe('expected state', () => {
      const cases: { given: number; expected: (last: number) => ExpectedState; ok: boolean }[] = [
        { given: 0, expected: () => 'no_stream', ok: true },
        { given: 2, expected: () => 'no_stream', ok: false },
        { given: 0, expected: () => 'stream_exists', ok: false },
        { given: 2, expected: () => 'stream_exists', ok: true },
        { given: 0, expected: () => 'any', ok: true },
        { given: 2, expected: () => 'any', ok: true },
        { given: 2, expected: (last) => last, ok: true },
        { given: 2, expected: (last) => last - 1, ok: false },
        { given: 2, expected: (last) => last + 1, ok: false },
        { given: 0, expected: () => 0, ok: false },
      ];
      it.each(cases)(
        'with $given events already, an append expecting a state is accepted: $ok',
        async ({ given, expected, ok }) => {
          const stream = uniqueStream();
          if (given > 0) await store.append(stream, someEvents(given), { expected: 'no_stream' });
          const want = expected(given - 1);
          const attempt = store.append(stream, [anEvent()], { expected: want });
          if (ok) {
            const result = await attempt;
            expect(result.nextExpectedRevision).toBe(given);
            expect(result.events[0].revision).toBe(given);
          } else {
            const error = await attempt.catch((e: unknown) => e);
            expect(error).toBeInstanceOf(WrongExpectedRevision);
            expect((error as WrongExpectedRevision).expected).toBe(want);
            expect((error as WrongExpectedRevision).actual).toBe(given === 0 ? 'no_stream' : given - 1);
          }
          expect(await countOf(stream)).toBe(given + (ok ? 1 : 0));
        },
      );
    });

    describe('atomic batches', () => {
      it('appends a batch with consecutive 0-based revisions and increasing positions', async () => {
        const stream = uniqueStream();
        const result = await store.append(stream, someEvents(5), { expected: 'no_stream' });
        expect(result.events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
        const positions = result.events.map((e) => e.position);
        expect([...positions].sort()).toEqual(positions);
        expect(new Set(positions).size).toBe(5);
        expect(result.position).toBe(positions[4]);
      });

      it('writes nothing of a batch one of whose events cannot be canonicalised', async () => {
        const stream = uniqueStream();
        const events = [...someEvents(2), anEvent('Bad', { value: Number.NaN })];
        await expect(store.append(stream, events)).rejects.toBeInstanceOf(NonCanonicalData);
        expect(await countOf(stream)).toBe(0);
      });

      it('writes nothing of a batch one of whose events is over 1 MiB', async () => {
        const stream = uniqueStream();
        const events = [...someEvents(2), anEvent('Big', { blob: 'x'.repeat(1024 * 1024) })];
        await expect(store.append(stream, events)).rejects.toBeInstanceOf(EventTooLarge);
        expect(await countOf(stream)).toBe(0);
      });

      it("writes nothing of an append over the port's size limit, though each event fits", async () => {
        const stream = uniqueStream();
        const events = Array.from({ length: 3 }, () => anEvent('Big', { blob: 'x'.repeat(400 * 1024) }));
        await expect(store.append(stream, events)).rejects.toBeInstanceOf(AppendTooLarge);
        expect(await countOf(stream)).toBe(0);
      });

      it('writes nothing of a batch whose expected revision conflicts', async () => {
        const stream = uniqueStream();
        await store.append(stream, someEvents(1));
        await expect(store.append(stream, someEvents(3), { expected: 'no_stream' })).rejects.toBeInstanceOf(
          WrongExpectedRevision,
        );
        expect(await countOf(stream)).toBe(1);
      });
    });

    describe('idempotent event ids', () => {
      it.each<ExpectedState>(['no_stream', 'any', 0])(
        'returns the original result for a retried batch expecting %p',
        async (expected) => {
          const stream = uniqueStream();
          if (expected === 0) await store.append(stream, someEvents(1));
          const batch = someEvents(3);
          const first = await store.append(stream, batch, { expected });
          const again = await store.append(stream, batch, { expected });
          expect(again).toEqual(first);
          expect(await countOf(stream)).toBe(expected === 0 ? 4 : 3);
        },
      );

      it('returns the original result for an `any` batch retried after many later events', async () => {
        const stream = uniqueStream();
        const batch = someEvents(2);
        const first = await store.append(stream, batch);
        await store.append(stream, someEvents(150));
        expect(await store.append(stream, batch)).toEqual(first);
        expect(await countOf(stream)).toBe(152);
      });

      it('rejects an event id reused in the same stream for other content', async () => {
        const stream = uniqueStream();
        const event = anEvent('A', { n: 1 });
        await store.append(stream, [event], { expected: 'no_stream' });
        const error = await store
          .append(stream, [{ ...event, data: { n: 2 } }], { expected: 'no_stream' })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DuplicateEventId);
        expect(await countOf(stream)).toBe(1);
      });

      it('rejects a retried batch that now expects a different place', async () => {
        const stream = uniqueStream();
        const batch = someEvents(2);
        await store.append(stream, someEvents(1), { expected: 'no_stream' });
        await store.append(stream, batch, { expected: 0 });
        await expect(store.append(stream, batch, { expected: 'no_stream' })).rejects.toBeInstanceOf(
          WrongExpectedRevision,
        );
        expect(await countOf(stream)).toBe(3);
      });
    });

    describe('hashed, chained envelopes', () => {
      it('stores RFC 8785 bytes whose leaf hash is the event hash, chained by prevHash from zero', async () => {
        const stream = uniqueStream();
        await store.append(stream, someEvents(3), { expected: 'no_stream' });
        await store.append(stream, someEvents(2), { expected: 2 });
        const events = await streamEvents(stream);
        expect(events[0].prevHash).toBe(ZERO_HASH);
        for (const e of events) {
          expect(leafHash(e.canonical).toString('hex')).toBe(e.hash);
          expect(canonicalBytes(JSON.parse(e.canonical) as JsonValue).equals(Buffer.from(e.canonical, 'utf8'))).toBe(
            true,
          );
          expect(parseEnvelope(e.canonical)).toMatchObject({
            v: ENVELOPE_VERSION,
            stream,
            revision: e.revision,
            eventId: e.eventId,
            type: e.type,
          });
        }
        expect(events.slice(1).map((e) => e.prevHash)).toEqual(events.slice(0, -1).map((e) => e.hash));
        expect(verifyStreamChain(events)).toBeUndefined();
      });

      it('carries type, schema version, data, metadata and recorded-at', async () => {
        const stream = uniqueStream();
        const event = anEvent(
          'IncidentReported',
          { place: 'Chaman' },
          { schemaVersion: 2, recordedAt: '2025-10-30T12:00:00.000Z' },
        );
        await store.append(stream, [event]);
        const [read] = await streamEvents(stream);
        expect(read).toMatchObject({
          eventId: event.id,
          stream,
          revision: 0,
          type: 'IncidentReported',
          schemaVersion: 2,
          data: { place: 'Chaman' },
          metadata: { correlationId: 'corr-1', principal: 'tester' },
          recordedAt: '2025-10-30T12:00:00.000Z',
        });
      });

      it('normalises free text to NFC before hashing', async () => {
        const stream = uniqueStream();
        await store.append(stream, [anEvent('Named', { place: 'Spin Boldak, Qala\u0065\u0301' })]);
        const [read] = await streamEvents(stream);
        expect(read.data.place).toBe('Spin Boldak, Qala\u00e9');
      });
    });

    describe('bad input writes nothing and throws a typed error', () => {
      const bad: [string, () => [string, NewEvent[], ExpectedState | undefined], new (...args: never[]) => Error][] = [
        [
          'an unknown expected state',
          () => [uniqueStream(), someEvents(1), 'latest' as ExpectedState],
          InvalidArgument,
        ],
        ['a negative expected revision', () => [uniqueStream(), someEvents(1), -1], InvalidArgument],
        ['an empty batch', () => [uniqueStream(), [], undefined], InvalidArgument],
        [
          'an event id that is not a UUID',
          () => [uniqueStream(), [{ ...anEvent(), id: 'abc' }], undefined],
          InvalidArgument,
        ],
        ['a stream name without a category', () => ['nocategory', someEvents(1), undefined], InvalidArgument],
        [
          'a recorded-at time no calendar has (30 November is the last)',
          () => [uniqueStream(), [anEvent('X', {}, { recordedAt: '2025-11-31T00:00:00Z' })], undefined],
          InvalidArgument,
        ],
        [
          'a recorded-at hour 24',
          () => [uniqueStream(), [anEvent('X', {}, { recordedAt: '2025-10-30T24:00:00Z' })], undefined],
          InvalidArgument,
        ],
        ['Infinity', () => [uniqueStream(), [anEvent('X', { v: Infinity })], undefined], NonCanonicalData],
        ['an unsafe integer', () => [uniqueStream(), [anEvent('X', { v: 2 ** 53 })], undefined], NonCanonicalData],
        ['a lone surrogate', () => [uniqueStream(), [anEvent('X', { v: 'a\ud800b' })], undefined], NonCanonicalData],
        [
          'a sparse array',
          () => [uniqueStream(), [anEvent('X', { v: sparse() as JsonValue[] })], undefined],
          NonCanonicalData,
        ],
        [
          'a Date object',
          () => [uniqueStream(), [anEvent('X', { v: new Date() as unknown as JsonValue })], undefined],
          NonCanonicalData,
        ],
      ];
      it.each(bad)('rejects %s', async (_name, make, type) => {
        const [stream, events, expected] = make();
        await expect(store.append(stream, events, { expected })).rejects.toBeInstanceOf(type);
        if (stream.includes('-')) expect(await countOf(stream)).toBe(0);
      });

      it('names the offending field', async () => {
        const error = await store
          .append(uniqueStream(), [anEvent('X', { casualties: { best: Number.POSITIVE_INFINITY } })])
          .catch((e: unknown) => e);
        expect((error as NonCanonicalData).path).toBe('events[0].data.casualties.best');
      });
    });

    describe('reading a stream', () => {
      it('reads forwards and backwards, from a revision, up to a count', async () => {
        const stream = uniqueStream();
        await store.append(stream, someEvents(6));
        const revisions = async (o: Parameters<EventStore['readStream']>[1]) =>
          (await collect(store.readStream(stream, o))).map((e) => e.revision);
        expect(await revisions(undefined)).toEqual([0, 1, 2, 3, 4, 5]);
        expect(await revisions({ from: 2, maxCount: 3 })).toEqual([2, 3, 4]);
        expect(await revisions({ direction: 'backwards' })).toEqual([5, 4, 3, 2, 1, 0]);
        expect(await revisions({ direction: 'backwards', from: 3, maxCount: 2 })).toEqual([3, 2]);
        expect(await revisions({ from: 10 })).toEqual([]);
      });

      it('throws StreamNotFound for a stream with no events', async () => {
        await expect(collect(store.readStream(uniqueStream()))).rejects.toBeInstanceOf(StreamNotFound);
      });
    });

    describe('reading all', () => {
      it('treats a position as an exclusive checkpoint', async () => {
        const stream = uniqueStream();
        const { events } = await store.append(stream, someEvents(4));
        const after = await collect(store.readAll({ fromExclusive: events[1].position, maxCount: 2 }));
        expect(after.map((e) => e.eventId)).toEqual(events.slice(2).map((e) => e.eventId));
      });

      it('filters by category and by event type', async () => {
        const start = await store.headPosition();
        const a = uniqueCategory('alpha');
        const b = uniqueCategory('beta');
        await store.append(`${a}-1`, [anEvent('Opened'), anEvent('Closed')]);
        await store.append(`${b}-1`, [anEvent('Opened')]);
        await store.append(`${a}-2`, [anEvent('Opened')]);
        const read = async (filter: object) =>
          (await collect(store.readAll({ fromExclusive: start, filter }))).map((e) => `${e.stream}:${e.type}`);
        expect(await read({ categories: [a] })).toEqual([`${a}-1:Opened`, `${a}-1:Closed`, `${a}-2:Opened`]);
        expect(await read({ categories: [a, b], eventTypes: ['Opened'] })).toEqual([
          `${a}-1:Opened`,
          `${b}-1:Opened`,
          `${a}-2:Opened`,
        ]);
        expect(await read({ categories: [b], eventTypes: ['Closed'] })).toEqual([]);
      });

      it('rejects a malformed filter', async () => {
        await expect(collect(store.readAll({ filter: { categories: [] } }))).rejects.toBeInstanceOf(InvalidArgument);
        await expect(collect(store.readAll({ filter: { eventTypes: ["x' OR 1=1"] } }))).rejects.toBeInstanceOf(
          InvalidArgument,
        );
      });
    });

    describe('subscribing to all', () => {
      it('catches up, says so, then delivers live events, and ends on abort', async () => {
        const category = uniqueCategory('sub');
        const before = await store.headPosition();
        await store.append(`${category}-1`, someEvents(3));
        const controller = new AbortController();
        const seen: SubscriptionMessage[] = [];
        let caughtUpAt = -1;
        const done = (async () => {
          for await (const m of store.subscribeAll({
            fromExclusive: before,
            filter: { categories: [category] },
            signal: controller.signal,
          })) {
            if (m.kind === 'checkpoint') continue;
            seen.push(m);
            if (m.kind === 'caughtUp' && caughtUpAt < 0) {
              caughtUpAt = seen.length - 1;
              await store.append(`${category}-2`, someEvents(2));
            }
            if (seen.filter((s) => s.kind === 'event').length === 5) controller.abort();
          }
        })();
        await done;
        const events = seen.flatMap((m) => (m.kind === 'event' ? [m.event] : []));
        expect(caughtUpAt).toBe(3);
        expect(events.map((e) => `${e.stream}@${e.revision}`)).toEqual([
          `${category}-1@0`,
          `${category}-1@1`,
          `${category}-1@2`,
          `${category}-2@0`,
          `${category}-2@1`,
        ]);
      });

      it('moves its checkpoint past events the filter leaves out', async () => {
        const category = uniqueCategory('quiet');
        const before = await store.headPosition();
        const { position } = await store.append(uniqueStream(uniqueCategory('noise')), someEvents(3));
        const controller = new AbortController();
        let last: string | undefined;
        const timer = setTimeout(() => controller.abort(), 10_000);
        for await (const m of store.subscribeAll({
          fromExclusive: before,
          filter: { categories: [category] },
          signal: controller.signal,
        })) {
          if (m.kind === 'checkpoint') last = m.position;
          if (m.kind === 'caughtUp') last = m.position ?? last;
          if (last !== undefined && last >= position) controller.abort();
        }
        clearTimeout(timer);
        expect(last! >= position).toBe(true);
      });
    });

    describe('staying responsive', () => {
      it('still appends after 200 head reads', async () => {
        for (let i = 0; i < 200; i++) await store.headPosition();
        const stream = uniqueStream();
        await store.append(stream, [anEvent()]);
        expect(await countOf(stream)).toBe(1);
      });

      it('loses nothing for a consumer stalled behind a backlog of more than 1,000 events', async () => {
        const category = uniqueCategory('backlog');
        const before = await store.headPosition();
        const written: string[] = [];
        for (let i = 0; i < 12; i++) {
          const { events } = await store.append(`${category}-${i}`, someEvents(100));
          written.push(...events.map((e) => e.eventId));
        }
        const controller = new AbortController();
        const seen: string[] = [];
        for await (const m of store.subscribeAll({
          fromExclusive: before,
          filter: { categories: [category] },
          signal: controller.signal,
        })) {
          if (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 500));
          if (m.kind === 'event') seen.push(m.event.eventId);
          if (seen.length === written.length) controller.abort();
        }
        expect(seen).toEqual(written);
      });
    });

    describe('concurrent appenders', () => {
      it('lands every one of many concurrent appends expecting any', async () => {
        const stream = uniqueStream();
        const outcomes = await Promise.allSettled(Array.from({ length: 16 }, () => store.append(stream, [anEvent()])));
        expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
        expect(await countOf(stream)).toBe(16);
      });

      it('lets exactly one of many appenders win each revision', async () => {
        const stream = uniqueStream();
        await store.append(stream, someEvents(1), { expected: 'no_stream' });
        const outcomes = await Promise.allSettled(
          Array.from({ length: 16 }, () => store.append(stream, [anEvent()], { expected: 0 })),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(WrongExpectedRevision);
        expect(await countOf(stream)).toBe(2);
      });

      it('keeps one unforked chain when appenders retry on conflict', async () => {
        const stream = uniqueStream();
        const appender = async (rounds: number) => {
          for (let i = 0; i < rounds; i++) {
            for (;;) {
              const tail = await collect(store.readStream(stream, { direction: 'backwards', maxCount: 1 })).catch(
                () => [],
              );
              const expected: ExpectedState = tail.length ? tail[0].revision : 'no_stream';
              try {
                await store.append(stream, [anEvent()], { expected });
                break;
              } catch (error) {
                if (!(error instanceof WrongExpectedRevision)) throw error;
              }
            }
          }
        };
        await Promise.all(Array.from({ length: 8 }, () => appender(5)));
        const events = await streamEvents(stream);
        expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 40 }, (_, i) => i));
        expect(verifyStreamChain(events)).toBeUndefined();
      });
    });
  });
};
