import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BREACH_EVENT_TYPES } from '@ceasefire/mvm';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@ceasefire/event-store';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { Observable, Subject } from 'rxjs';
import { ledgerIndexOf } from '../ledger/ledger.queries';
import { type BreachRow, breachHead, breachRowOf, breachRowsAfter } from './breach-feed.queries';

export type { BreachRow };
import { LogFollower } from '../shared/log-follower';

/**
 * The one live subscription behind every feed: each new event goes to the event-feed listeners, and each
 * breach event, once the breach feed has its row, to the breach listeners and the webhook dispatcher.
 * Late joiners catch up from the tables and the log, then switch to these subjects. While no one listens
 * to every event, the subscription reads only breach events; the first listener widens it from the last
 * position passed, which its own catch-up read reaches, so it misses nothing.
 */
@Injectable()
export class FeedHub implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly allEvents = new Subject<RecordedEvent>();
  readonly breaches$ = new Subject<BreachRow>();
  private readonly breachTypes: ReadonlySet<string> = new Set(BREACH_EVENT_TYPES);
  private listeners = 0;
  private readonly follower: LogFollower;

  readonly events$ = new Observable<RecordedEvent>((subscriber) => {
    const subscription = this.allEvents.subscribe(subscriber);
    if (this.listeners++ === 0) this.follower.refilter();
    return () => {
      subscription.unsubscribe();
      if (--this.listeners === 0) this.follower.refilter();
    };
  });

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {
    this.follower = new LogFollower(store, {
      filter: () => (this.listeners > 0 ? undefined : { eventTypes: BREACH_EVENT_TYPES }),
      onEvent: (event) => this.publish(event),
      logger: new Logger('FeedHub'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.follower.start(await this.store.headPosition());
  }

  onApplicationShutdown(): void {
    this.follower.stop();
    this.allEvents.complete();
    this.breaches$.complete();
  }

  private async publish(event: RecordedEvent): Promise<void> {
    this.allEvents.next(event);
    if (!this.breachTypes.has(event.type)) return;
    // The ledger too, so the breach goes out with its ledger index.
    await this.runner.waitFor(event.position, { projections: ['breach_feed', 'ledger'], timeoutMs: 60_000 });
    const row = breachRowOf(this.runner, event.eventId);
    if (row) this.breaches$.next(row);
  }

  breachHead(): string | undefined {
    return breachHead(this.runner);
  }

  /** Breach rows after a position, in log order. */
  breachesAfter(after: string | undefined, limit: number): BreachRow[] {
    return breachRowsAfter(this.runner, after, limit);
  }

  private readonly sequenced = new Map<string, number>();

  /**
   * The CloudEvent's JSON with its ledger index once the ledger has sequenced it (remembered for the
   * recent events, which every connected client asks about at once).
   */
  withLedgerIndex(cloudEventJson: string, eventId: string): string {
    let index = this.sequenced.get(eventId);
    if (index === undefined) {
      index = ledgerIndexOf(this.runner, eventId);
      if (index === undefined) return cloudEventJson;
      if (this.sequenced.size >= 10_000) this.sequenced.delete(this.sequenced.keys().next().value as string);
      this.sequenced.set(eventId, index);
    }
    return `${cloudEventJson.slice(0, -1)},"ledgerindex":${index}}`;
  }
}
