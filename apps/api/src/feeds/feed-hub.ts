import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@ceasefire/event-store';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { Observable, Subject } from 'rxjs';
import { ledgerIndexOf } from '../ledger/ledger.queries';
import { type BreachRow, breachHead, breachRowsAfter } from './breach-feed.queries';

export type { BreachRow };
import { LogFollower } from '../shared/log-follower';

/**
 * The live side of every feed. Breach rows go to the breach listeners and the webhook dispatcher as the
 * projections report progress: once both the breach feed and the ledger have an event, its row goes
 * out, with its ledger index. The event feed needs the log itself: while anyone listens to every
 * event, the hub follows the log from the ledger's applied position (no later than any listener's
 * catch-up reaches, so nothing falls between them); when the last listener leaves, it stops.
 */
@Injectable()
export class FeedHub implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly allEvents = new Subject<RecordedEvent>();
  readonly breaches$ = new Subject<BreachRow>();
  private listeners = 0;
  private follower?: LogFollower;
  private lastBreach: string | undefined;
  private bootHead: string | undefined;
  private stopWatchingProgress?: () => void;
  /** The breach feed's applied events when its rows were last read, and whether a row waits for the ledger. */
  private breachesApplied = -1;
  private rowWaitsForLedger = false;

  readonly events$ = new Observable<RecordedEvent>((subscriber) => {
    const subscription = this.allEvents.subscribe(subscriber);
    if (this.listeners++ === 0) this.followLog();
    return () => {
      subscription.unsubscribe();
      if (--this.listeners === 0) this.stopFollowingLog();
    };
  });

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.bootHead = await this.store.headPosition();
    // Rows already stored were for earlier listeners; new ones reach today's listeners by catching up.
    this.lastBreach = breachHead(this.runner);
    this.stopWatchingProgress = this.runner.onProgress(() => this.sendNewBreaches());
  }

  onApplicationShutdown(): void {
    this.stopWatchingProgress?.();
    this.stopFollowingLog();
    this.allEvents.complete();
    this.breaches$.complete();
  }

  /** Runs on every progress report of the read models: it reads rows only when there can be new ones to send. */
  private sendNewBreaches(): void {
    const applied = this.runner.appliedEvents('breach_feed');
    if (applied === this.breachesApplied && !this.rowWaitsForLedger) return;
    this.breachesApplied = applied;
    this.rowWaitsForLedger = false;
    for (;;) {
      const rows = breachRowsAfter(this.runner, this.lastBreach, 500);
      for (const row of rows) {
        if (!this.runner.reached('ledger', row.position)) {
          this.rowWaitsForLedger = true;
          return;
        }
        this.lastBreach = row.position;
        this.breaches$.next(row);
      }
      if (rows.length < 500) return;
    }
  }

  private followLog(): void {
    const follower = new LogFollower(this.store, {
      filter: () => undefined,
      onEvent: (event) => this.allEvents.next(event),
      logger: new Logger('FeedHub'),
    });
    this.follower = follower;
    follower.start(this.runner.appliedPosition('ledger') ?? this.bootHead);
  }

  private stopFollowingLog(): void {
    this.follower?.stop();
    this.follower = undefined;
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
