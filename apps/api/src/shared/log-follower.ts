import type { Logger } from '@nestjs/common';
import type { EventFilter, EventStore, GlobalPosition, RecordedEvent } from '@ceasefire/event-store';

export interface LogFollowerOptions {
  /** Asked each time a subscription opens. */
  filter: () => EventFilter | undefined;
  onEvent: (event: RecordedEvent) => void | Promise<void>;
  /** The subscription dropped: whatever was written meanwhile will come, but was not seen yet. */
  onDropped?: () => void;
  logger: Logger;
}

/**
 * Follows the log live from a position for as long as the app runs. A dropped subscription is logged
 * and opened again a second later after the last position passed; `refilter()` ends the current one
 * at once, so the next opens with the filter as it is now.
 */
export class LogFollower {
  private readonly stopped = new AbortController();
  private current?: AbortController;

  constructor(
    private readonly store: EventStore,
    private readonly options: LogFollowerOptions,
  ) {}

  start(from: GlobalPosition | undefined): void {
    void this.follow(from);
  }

  refilter(): void {
    this.current?.abort();
  }

  stop(): void {
    this.stopped.abort();
  }

  private async follow(from: GlobalPosition | undefined): Promise<void> {
    while (!this.stopped.signal.aborted) {
      const current = (this.current = new AbortController());
      const signal = AbortSignal.any([this.stopped.signal, current.signal]);
      try {
        for await (const m of this.store.subscribeAll({ fromExclusive: from, filter: this.options.filter(), signal })) {
          if (m.kind === 'checkpoint') from = m.position;
          if (m.kind !== 'event') continue;
          from = m.event.position;
          await this.options.onEvent(m.event);
        }
      } catch (error) {
        if (this.stopped.signal.aborted) return;
        if (current.signal.aborted) continue;
        this.options.onDropped?.();
        this.options.logger.error(`the subscription dropped, resuming in 1 s: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
}
