import { hasReached } from '@ceasefire/event-store';
import { ProjectionParked, WaitForTimeout } from './projection.errors';
import type { WorkerProgress } from './projection-worker';

interface Waiter {
  position: string;
  names: string[];
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Pending `waitFor` calls, settled whenever some projection reports progress: resolved once every
 * named projection has applied the position in the generation readers use, rejected if one parks.
 */
export class ProgressWaiters {
  private readonly waiters = new Set<Waiter>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly progressOf: (name: string) => WorkerProgress | undefined) {}

  waitFor(position: string, names: string[], timeoutMs = 5000): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        position,
        names,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(
            new WaitForTimeout(
              position,
              names.filter((n) => !this.hasApplied(n, position)),
            ),
          );
        }, timeoutMs),
      };
      this.waiters.add(waiter);
      this.settle();
    });
  }

  /** Called after every progress report; returns the way to stop. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  settle(): void {
    for (const listener of this.listeners) listener();
    for (const waiter of this.waiters) {
      const parked = waiter.names.map((n) => this.progressOf(n)).find((p) => p?.parked);
      if (parked) {
        this.finish(waiter);
        waiter.reject(new ProjectionParked(parked.projection, parked.parked!.error));
      } else if (waiter.names.every((n) => this.hasApplied(n, waiter.position))) {
        this.finish(waiter);
        waiter.resolve();
      }
    }
  }

  clear(): void {
    for (const waiter of this.waiters) clearTimeout(waiter.timer);
    this.waiters.clear();
  }

  hasApplied(name: string, position: string): boolean {
    const applied = this.applied(name);
    return applied !== undefined && hasReached(applied, position);
  }

  /** The position the projection has applied in the generation readers use. */
  applied(name: string): string | undefined {
    const p = this.progressOf(name);
    return p !== undefined && p.activeVersion === p.version ? p.position : undefined;
  }

  private finish(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
  }
}
