import type { SubscriptionMessage } from '../port/event-store.port';
import { anEvent } from '../testing/test-events';
import { SqliteEventStore } from './sqlite-event-store';

const within = <T>(ms: number, work: Promise<T>): Promise<T> =>
  Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms))]);

describe('SQLite live subscriptions wake on commits, not on their poll', () => {
  it('delivers an event committed while the subscriber was busy with the one before', async () => {
    const store = new SqliteEventStore({ path: ':memory:', pollIntervalMs: 60_000 });
    const controller = new AbortController();
    const seen: string[] = [];
    const following = (async () => {
      for await (const m of store.subscribeAll({ signal: controller.signal })) {
        if (m.kind !== 'event') continue;
        seen.push(m.event.stream);
        if (seen.length === 1) await store.append('case-2', [anEvent()]); // committed while busy here
        if (seen.length === 2) controller.abort();
      }
    })();
    await store.append('case-1', [anEvent()]);
    await within(2000, following);
    expect(seen).toEqual(['case-1', 'case-2']);
    await store.close();
  });

  it('wakes a filtered subscriber for its events, and moves its checkpoint past others at its poll', async () => {
    const store = new SqliteEventStore({ path: ':memory:', pollIntervalMs: 100 });
    const controller = new AbortController();
    const seen: SubscriptionMessage[] = [];
    const following = (async () => {
      for await (const m of store.subscribeAll({ filter: { eventTypes: ['Breach'] }, signal: controller.signal }))
        seen.push(m);
    })();
    const other = await store.append('case-3', [anEvent('Reported')]);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(seen).toContainEqual({ kind: 'checkpoint', position: other.position });
    const breach = await store.append('case-3', [anEvent('Breach')], { expected: 0 });
    await within(
      1000,
      (async () => {
        while (!seen.some((m) => m.kind === 'event' && m.event.position === breach.position))
          await new Promise((resolve) => setTimeout(resolve, 5));
      })(),
    );
    controller.abort();
    await following;
    await store.close();
  });
});
