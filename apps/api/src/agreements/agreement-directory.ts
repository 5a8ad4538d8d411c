import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { type Actor, agreementDecider, type AgreementState, mayRead } from '@ceasefire/mvm';
import { LogFollower } from '../shared/log-follower';
import { foldedStreamsOf } from '../write-path/folded-streams';
import { AGREEMENT_CATEGORY, agreementIdOf, agreementStream } from '@ceasefire/mvm';

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
  private readonly follower: LogFollower;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.follower = new LogFollower(store, {
      filter: () => ({ categories: [AGREEMENT_CATEGORY] }),
      onEvent: (event) => this.changed(agreementIdOf(event.stream)),
      // Whatever changed while the subscription was down is unknown: forget everything.
      onDropped: () => {
        this.changes++;
        this.states.clear();
      },
      logger: new Logger('AgreementDirectory'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.follower.start(await this.store.headPosition());
  }

  onApplicationShutdown(): void {
    this.follower.stop();
  }

  /** Whether the agreement exists and `reader` may read its own record: its parties and the mechanism may. */
  async readableBy(agreementId: string, reader: Actor): Promise<boolean> {
    const agreement = await this.state(agreementId);
    return (
      agreement.status !== 'NONE' &&
      mayRead(
        reader,
        'PARTIES',
        agreement.parties.map((p) => p.code),
      )
    );
  }

  /** The agreement as its stream now folds; NONE when there is no such agreement. */
  async state(agreementId: string): Promise<AgreementState> {
    const known = this.states.get(agreementId);
    if (known) return known;
    const changesBefore = this.changes;
    const { state } = await foldedStreamsOf(this.store).load(agreementStream(agreementId), agreementDecider);
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
}
