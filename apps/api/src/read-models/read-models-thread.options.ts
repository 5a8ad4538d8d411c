import type { ProjectionThreadSpec } from '@ceasefire/projections';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app.config';
import type { ReadModelsThreadData } from './read-models.thread';

/**
 * The projection thread runs the compiled read-models.thread.js; where there is none (a test runner
 * loading TypeScript) or PROJECTIONS_THREAD=false, projections run on the request thread instead.
 */
export const readModelsThread = (config: AppConfig): ProjectionThreadSpec | undefined => {
  if (!config.projectionsThread || typeof __dirname !== 'string') return undefined;
  const file = join(__dirname, 'read-models.thread.js');
  if (!existsSync(file)) return undefined;
  const workerData: ReadModelsThreadData = {
    eventStore: config.eventStore,
    readModelsDir: config.readModelsDir,
    ledgerOrigin: config.ledger.origin,
  };
  return { file, workerData };
};
