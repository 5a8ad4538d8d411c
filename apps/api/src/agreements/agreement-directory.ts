import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { fold } from '@ceasefire/decider';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { agreementDecider, type AgreementEvent, type AgreementState } from '@ceasefire/mvm';
import { asDomainEvent, readStreamOrEmpty } from '../shared/run-decider';
import { AGREEMENT_CATEGORY, agreementIdOf, agreementStream } from './agreement-stream';

const CACHED_AGREEMENTS = 1000;

/**
 * Each agreement's state, as every write to its cases and commitments needs it: folded from its stream
 * once, then kept until the agreement changes. This process's agreement writes forget it as they
 * commit; a subscription to the agreement category forgets it when anyone writes it (another
 * EventStoreDB client, another process on the SQLite file). So a case write reads no agreement stream
 * while its agreement stays as it is. The check was never atomic with the case's append: two streams.
 */
@Injectable()
export class AgreementDirectory implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly states = new Map<string, AgreementState>();
  /** Bumped by every change, so a fold that raced a change is not kept. */
  private changes = 0;
  private readonly abort = new AbortController();
  private readonly logger = new Logger('AgreementDirectory');

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationBootstrap(): Promise<void> {
    void this.follow(await this.store.headPosition());
  }

  onApplicationShutdown(): void {
    this.abort.abort();
  }

  /** The agreement as its stream now folds; NONE when there is no such agreement. */
  async state(agreementId: string): Promise<AgreementState> {
    const known = this.states.get(agreementId);
    if (known) return known;
    const changesBefore = this.changes;
    const recorded = await readStreamOrEmpty(this.store, agreementStream(agreementId));
    const state = fold(
      agreementDecider,
      recorded.map((e) => asDomainEvent<AgreementEvent>(e)),
    );
    if (state.status !== 'NONE' && this.changes === changesBefore) {
      if (this.states.size >= CACHED_AGREEMENTS) this.states.delete(this.states.keys().next().value as string);
      this.states.set(agreementId, state);
    }
    return state;
  }

  /** The agreement was written to: fold it again when next asked. */
  changed(agreementId: string): void {
    this.changes++;
    this.states.delete(agreementId);
  }

  private async follow(from: string | undefined): Promise<void> {
    while (!this.abort.signal.aborted) {
      try {
        const filter = { categories: [AGREEMENT_CATEGORY] };
        for await (const m of this.store.subscribeAll({ fromExclusive: from, filter, signal: this.abort.signal })) {
          if (m.kind === 'checkpoint') from = m.position;
          if (m.kind !== 'event') continue;
          from = m.event.position;
          this.changed(agreementIdOf(m.event.stream));
        }
      } catch (error) {
        if (this.abort.signal.aborted) return;
        // Whatever changed while the subscription was down is unknown: forget everything.
        this.changes++;
        this.states.clear();
        this.logger.error(`the agreement subscription dropped, resuming in 1 s: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
}
