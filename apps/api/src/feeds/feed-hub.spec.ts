import { randomUUID } from 'node:crypto';
import { type AppendResult, type RecordedEvent, SqliteEventStore } from '@ceasefire/event-store';
import type { ProjectionRunner } from '@ceasefire/projections';
import Database from 'better-sqlite3';
import { FeedHub } from './feed-hub';

const anEvent = (type = 'IncidentReported') => ({
  id: randomUUID(),
  type,
  data: { n: 1 },
  metadata: { correlationId: 'c', principal: 'p' },
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('FeedHub: the log follower behind the event feed', () => {
  let store: SqliteEventStore;
  let hub: FeedHub;
  let ledgerAt: string | undefined;

  beforeEach(async () => {
    store = new SqliteEventStore({ path: ':memory:', pollIntervalMs: 20 });
    ledgerAt = undefined;
    // No breach events are appended here; the ledger's applied position is the log's head, as a caught-up ledger's is.
    const db = new Database(':memory:');
    db.exec('CREATE TABLE breaches (position TEXT PRIMARY KEY)');
    const runner = { db, table: () => 'breaches', onProgress: () => () => undefined, appliedPosition: () => ledgerAt };
    hub = new FeedHub(store, runner as unknown as ProjectionRunner);
    store.onCommit(() => void store.headPosition().then((head) => (ledgerAt = head)));
    await hub.onApplicationBootstrap();
  });

  afterEach(async () => {
    hub.onApplicationShutdown();
    await store.close();
  });

  it('delivers every event appended after a listener joins, once and in order', async () => {
    for (let i = 0; i < 3; i++) await store.append(`incident-a${i}`, [anEvent()]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const seen: RecordedEvent[] = [];
    const subscription = hub.events$.subscribe((e) => seen.push(e));
    const later: AppendResult[] = [];
    for (let i = 0; i < 5; i++) later.push(await store.append(`incident-b${i}`, [anEvent()]));
    await until(() => seen.some((e) => e.position === later[4].position));
    const positions = seen.map((e) => e.position);
    expect(new Set(positions).size).toBe(positions.length);
    expect([...positions].sort()).toEqual(positions);
    expect(positions).toEqual(expect.arrayContaining(later.map((r) => r.position)));
    subscription.unsubscribe();
  });

  it('stops when the last listener leaves, and follows again for the next one without a gap', async () => {
    const first: RecordedEvent[] = [];
    const one = hub.events$.subscribe((e) => first.push(e));
    const a = await store.append('incident-c', [anEvent()]);
    await until(() => first.length === 1);
    one.unsubscribe();
    await store.append('incident-d', [anEvent()]);
    const second: RecordedEvent[] = [];
    const two = hub.events$.subscribe((e) => second.push(e));
    const b = await store.append('incident-e', [anEvent()]);
    await until(() => second.some((e) => e.position === b.position));
    expect(first.map((e) => e.position)).toEqual([a.position]);
    expect(second.map((e) => e.position)).toContain(b.position);
    expect(second.map((e) => e.position)).not.toContain(a.position);
    two.unsubscribe();
  });
});
