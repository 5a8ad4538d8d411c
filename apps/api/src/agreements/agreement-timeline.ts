import { Inject, Injectable } from '@nestjs/common';
import { comparePositions, EVENT_STORE, type EventStore, type RecordedEvent } from '@ceasefire/event-store';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { caughtUpWithLog } from '../shared/caught-up-with-log';
import {
  publicTimelineEntries,
  type TimelineEntry,
  timelineEntries,
  type TimelineQuery,
} from './agreement-timeline.queries';

export type { TimelineEntry, TimelineQuery };

/** One agreement's events, read through its timeline index: the cost is the entries asked for, never the log. */
@Injectable()
export class AgreementTimeline {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /**
   * Waits until the index holds the log as it is now, so an export or a catch-up misses nothing already written;
   * with `agreementList`, the list of agreements too (who is party to which).
   */
  async current(options: { agreementList?: boolean } = {}): Promise<void> {
    await caughtUpWithLog(this.store, this.runner, [
      'agreement_timeline',
      ...(options.agreementList ? ['agreement_list'] : []),
    ]);
  }

  entries(agreementId: string, q: TimelineQuery): TimelineEntry[] {
    return timelineEntries(this.runner, agreementId, q);
  }

  /** The first `q.limit` entries of several agreements merged in log order: at most `q.limit` read from each. */
  entriesOfAgreements(agreementIds: string[], q: TimelineQuery): TimelineEntry[] {
    return agreementIds
      .flatMap((id) => timelineEntries(this.runner, id, q))
      .sort((x, y) => comparePositions(x.position, y.position))
      .slice(0, q.limit);
  }

  /** The entries of every agreement that the public may read now, in log order. */
  publicEntries(q: TimelineQuery): TimelineEntry[] {
    return publicTimelineEntries(this.runner, q);
  }

  /** The recorded events the entries refer to, in the same order. */
  async events(entries: TimelineEntry[]): Promise<RecordedEvent[]> {
    return Promise.all(
      entries.map(async (entry) => {
        for await (const e of this.store.readStream(entry.stream, { from: entry.revision, maxCount: 1 })) return e;
        throw new Error(`the timeline index names ${entry.stream}@${entry.revision}, which the log does not hold`);
      }),
    );
  }
}
