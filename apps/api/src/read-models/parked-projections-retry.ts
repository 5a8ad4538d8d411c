import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';

const FIRST_RETRY_MS = 1000;
const LONGEST_WAIT_MS = 5 * 60_000;

/**
 * A read model parks on an error so that it never skips an event. Most such errors pass (a full disk, a
 * locked file): each parked projection is resumed from its last checkpoint after 1 s, then 2 s, 4 s … at most
 * every 5 minutes while it parks again, so it recovers by itself once the cause is gone, across restarts too
 * (the parked state is kept). An admin may resume one at once: POST /v1/read-models/{projection}/resume.
 */
@Injectable()
export class ParkedProjectionsRetry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ParkedProjectionsRetry');
  private readonly retries = new Map<string, { attempts: number; nextAt: number }>();
  private timer?: NodeJS.Timeout;
  private busy = false;

  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), 500);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async tick(now = Date.now()): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (const p of await this.runner.health()) {
        if (!p.parked) {
          this.retries.delete(p.projection);
          continue;
        }
        const retry = this.retries.get(p.projection) ?? { attempts: 0, nextAt: now + FIRST_RETRY_MS };
        this.retries.set(p.projection, retry);
        if (now < retry.nextAt) continue;
        retry.attempts += 1;
        retry.nextAt = now + Math.min(LONGEST_WAIT_MS, FIRST_RETRY_MS * 2 ** retry.attempts);
        this.logger.warn(
          `resuming parked projection ${p.projection} (attempt ${retry.attempts}; it parked on: ${p.parked.error})`,
        );
        await this.runner.resume(p.projection);
      }
    } catch (error) {
      this.logger.warn(`could not look at or resume the read models: ${(error as Error).message}`);
    } finally {
      this.busy = false;
    }
  }
}
