import type { WorkerProgress } from '../projection-worker';

/** From the API's main thread to the projection thread. */
export type ToProjectionThread =
  | { kind: 'wake' } // the main thread committed events
  | { kind: 'resume'; projection: string }
  | { kind: 'stop' };

/** From the projection thread to the main thread. */
export type FromProjectionThread = { kind: 'progress'; progress: WorkerProgress[] } | { kind: 'failed'; error: string };
