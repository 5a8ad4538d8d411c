import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SYSTEM_ACTOR } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { DUTY_LEASES, type DutyLeases } from '../leases/duty-leases';
import { WriteCommitment } from '../commitments/write-commitment.command';
import { WriteIncident } from '../incidents/write-incident.command';
import type { WriteContext } from '../write-path/write-context';
import { openCommitmentsDueBy } from '../commitments/commitment.queries';
import { casesPastInvestigationDue, casesPastResponseDue } from '../incidents/incident-case.queries';

export const SCHEDULER_INTERVAL_MS = Symbol('SCHEDULER_INTERVAL_MS');

/**
 * Turns passed deadlines into events by sending commands down the normal path — never writing
 * events itself. It keeps no state: what is due is read from the read models each tick, and the
 * deciders emit nothing for a deadline already marked, so restarts and repeats are harmless.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeadlineScheduler');
  private timer?: NodeJS.Timeout;
  private running: Promise<number> = Promise.resolve(0);

  constructor(
    private readonly commands: CommandBus,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(SCHEDULER_INTERVAL_MS) private readonly intervalMs: number,
    @Inject(DUTY_LEASES) private readonly leases: DutyLeases,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs > 0)
      this.timer = setInterval(() => {
        // One scheduler across the processes on this record: the holder of the lease.
        if (this.leases.holds('deadline-scheduler')) this.running = this.tick();
      }, this.intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running.catch(() => 0);
  }

  /** Sends every due deadline command once; returns how many it sent. */
  async tick(now = new Date().toISOString()): Promise<number> {
    const context: WriteContext = {
      actor: SYSTEM_ACTOR,
      now,
      correlationId: `deadline-${now}`,
      requestHash: 'scheduler',
    };
    const due = [
      ...casesPastResponseDue(this.runner, now).map(
        (id) => new WriteIncident({ incidentId: id, input: { type: 'MarkResponseDeadlineMissed' }, context: context }),
      ),
      ...casesPastInvestigationDue(this.runner, now).map(
        (id) =>
          new WriteIncident({ incidentId: id, input: { type: 'MarkVerificationDeadlineMissed' }, context: context }),
      ),
      ...openCommitmentsDueBy(this.runner, now).map(
        (id) =>
          new WriteCommitment({ commitmentId: id, input: { type: 'MarkCommitmentDeadlineMissed' }, context: context }),
      ),
    ];
    let sent = 0;
    for (const command of due) {
      try {
        const result = await this.commands.execute(command);
        if (result.events.length > 0) sent += 1;
      } catch (error) {
        // A concurrent write won the revision; the next tick sees the new state and decides again.
        this.logger.warn(`deadline not recorded this tick: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return sent;
  }
}
