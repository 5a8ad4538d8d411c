import { Inject, Injectable } from '@nestjs/common';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import type { WriteResult } from '../write-path/handle-command';
import type { WriteContext } from '../write-path/write-context';
import { ledgerIndexOf } from './ledger.queries';

/**
 * Every write answer names each event's ledger index once the ledger has sequenced it (null before).
 * A client that wants the indexes in the answer sends `Prefer: wait=<seconds>`; the answer then waits
 * for the ledger that long, at most 5 s. Command handlers call this on what they wrote.
 */
@Injectable()
export class LedgerSequencing {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  async sequenced(result: WriteResult, context: WriteContext): Promise<WriteResult> {
    if (result.events.length === 0) return result;
    let ledgerWaited = false;
    if (context.preferWaitMs && result.position)
      ledgerWaited = await this.runner
        .waitFor(result.position, { projections: ['ledger'], timeoutMs: context.preferWaitMs })
        .then(
          () => true,
          () => false,
        );
    const events = result.events.map((event) => ({
      ...event,
      // Until the ledger has reached the event there is no index to look up.
      ledgerIndex: this.runner.reached('ledger', event.position)
        ? (ledgerIndexOf(this.runner, event.eventId) ?? null)
        : null,
    }));
    return { ...result, events, ...(ledgerWaited ? { ledgerWaited } : {}) };
  }
}
