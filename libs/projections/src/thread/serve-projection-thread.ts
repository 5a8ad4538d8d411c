import type { EventStore } from '@ceasefire/event-store';
import type Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { InProcessProjectionRunner } from '../in-process-projection-runner';
import type { Projection } from '../projection';
import type { FromProjectionThread, ToProjectionThread } from './projection-thread.protocol';

/**
 * The projection thread's side: runs the projections in-process here and reports their progress to
 * the main thread, at most once per turn of this thread's event loop.
 */
export const serveProjectionThread = async (
  open: () => Promise<{ store: EventStore; db: Database.Database; projections: Projection[] }>,
): Promise<void> => {
  const port = parentPort;
  if (!port) throw new Error('serveProjectionThread runs only on a worker thread');
  const send = (message: FromProjectionThread) => port.postMessage(message);
  try {
    const { store, db, projections } = await open();
    let reported: NodeJS.Immediate | undefined;
    let sentAt = 0;
    const report = () => {
      sentAt = Date.now();
      send({ kind: 'progress', progress: runner.progress() });
    };
    const runner: InProcessProjectionRunner = new InProcessProjectionRunner(store, db, projections, {
      onProgress: () => {
        // A catch-up of a long log never yields a turn of the event loop: report every half second anyway,
        // so /health shows a first build or a rebuild advancing.
        if (Date.now() - sentAt > 500) return report();
        reported ??= setImmediate(() => {
          reported = undefined;
          report();
        });
      },
    });
    port.on('message', async (message: ToProjectionThread) => {
      if (message.kind === 'wake') {
        store.wake?.();
      } else if (message.kind === 'resume') {
        await runner.resume(message.projection);
        report();
      } else if (message.kind === 'stop') {
        await runner.stop();
        db.close();
        await store.close();
        if (reported) clearImmediate(reported);
        port.close(); // the thread then exits, which is what the main thread waits for
      }
    });
    await runner.start();
    report();
  } catch (error) {
    send({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
};
