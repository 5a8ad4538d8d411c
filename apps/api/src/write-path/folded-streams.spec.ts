import { randomUUID } from 'node:crypto';
import { type EventStore, type ReadStreamOptions, SqliteEventStore } from '@ceasefire/event-store';
import { FoldedStreams } from './folded-streams';

type Added = { type: 'Added'; data: { n: number } };
/** The numbers added to a stream, in order. */
const numbers = {
  initialState: (): number[] => [],
  evolve: (state: number[], event: Added): number[] => [...state, event.data.n],
};
/** Another fold of the same events. */
const total = {
  initialState: () => 0,
  evolve: (state: number, event: Added) => state + event.data.n,
};

const added = (n: number, idempotencyKey?: string) => ({
  id: randomUUID(),
  type: 'Added',
  data: { n },
  metadata: idempotencyKey ? { idempotencyKey, requestHash: `hash-${idempotencyKey}` } : {},
});

describe('FoldedStreams', () => {
  let store: EventStore;
  let read: number;
  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:' });
    read = 0;
    const readStream = store.readStream.bind(store);
    store.readStream = async function* (stream: string, options?: ReadStreamOptions) {
      for await (const e of readStream(stream, options)) {
        read += 1;
        yield e;
      }
    };
  });
  afterEach(() => store.close());

  it('folds a stream once, then only the events appended since, whoever appended them', async () => {
    const folded = new FoldedStreams(store);
    await store.append('numbers-a', [added(1), added(2), added(3)]);
    expect(await folded.load('numbers-a', numbers)).toMatchObject({ state: [1, 2, 3], length: 3 });
    expect(read).toBe(3);
    await store.append('numbers-a', [added(4)], { expected: 2 });
    read = 0;
    const next = await folded.load('numbers-a', numbers);
    expect(next).toMatchObject({ state: [1, 2, 3, 4], length: 4, last: { revision: 3 } });
    expect(read).toBe(1);
    read = 0;
    await folded.load('numbers-a', numbers);
    expect(read).toBe(0);
  });

  it('answers an empty fold for a stream that does not exist, and keeps nothing for it', async () => {
    const folded = new FoldedStreams(store);
    expect(await folded.load('numbers-none', numbers)).toMatchObject({ state: [], length: 0, last: undefined });
    await store.append('numbers-none', [added(7)]);
    expect((await folded.load('numbers-none', numbers)).state).toEqual([7]);
  });

  it('folds the stream from its first event for another decider', async () => {
    const folded = new FoldedStreams(store);
    await store.append('numbers-b', [added(1), added(2)]);
    await folded.load('numbers-b', numbers);
    read = 0;
    expect((await folded.load('numbers-b', total)).state).toBe(3);
    expect(read).toBe(2);
  });

  it('keeps what each Idempotency-Key wrote, once, even when two loads fold the same new events', async () => {
    const folded = new FoldedStreams(store);
    await store.append('numbers-c', [added(1)]);
    await folded.load('numbers-c', numbers);
    await store.append('numbers-c', [added(2, 'k'), added(3, 'k')], { expected: 0 });
    const [one, two] = await Promise.all([folded.load('numbers-c', numbers), folded.load('numbers-c', numbers)]);
    expect(one.keyed.get('k')).toEqual({
      requestHash: 'hash-k',
      events: [expect.objectContaining({ revision: 1 }), expect.objectContaining({ revision: 2 })],
    });
    expect(two.keyed.get('k')?.events).toHaveLength(2);
    expect(one.keyed.has('other')).toBe(false);
  });

  it('forgets the least recently used streams beyond its byte budget, and never keeps one larger than it', async () => {
    await store.append('numbers-d', [added(1)]);
    await store.append('numbers-e', [added(2)]);
    let eventBytes = 0;
    for await (const e of store.readStream('numbers-d')) eventBytes = e.canonical.length;
    const folded = new FoldedStreams(store, eventBytes + 10);
    await folded.load('numbers-d', numbers);
    await folded.load('numbers-e', numbers);
    read = 0;
    await folded.load('numbers-e', numbers);
    expect(read).toBe(0);
    await folded.load('numbers-d', numbers);
    expect(read).toBe(1);
    const tiny = new FoldedStreams(store, 10);
    await tiny.load('numbers-d', numbers);
    read = 0;
    await tiny.load('numbers-d', numbers);
    expect(read).toBe(1);
  });

  it('lets other requests run while it folds a long stream the first time', async () => {
    await store.append(
      'numbers-long',
      Array.from({ length: 1000 }, (_, n) => added(n)),
    );
    let finished = false;
    let ranDuring = false;
    setImmediate(() => (ranDuring = !finished));
    const folded = await new FoldedStreams(store).load('numbers-long', numbers);
    finished = true;
    expect(folded.length).toBe(1000);
    expect(ranDuring).toBe(true);
  });
});
