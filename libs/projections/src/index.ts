export {
  type Projection,
  type ProjectionTx,
  type ProjectedEvent,
  type RecordedEventOf,
  physicalTable,
} from './projection';
export { ProjectionParked, UnknownProjection, WaitForTimeout } from './projection.errors';
export { PROJECTION_RUNNER, type ProjectionRunner, type ProjectionHealth, type ReadModels } from './projection-runner';
export { InProcessProjectionRunner } from './in-process-projection-runner';
export { ThreadedProjectionRunner, type ProjectionThreadSpec } from './thread/threaded-projection-runner';
export { serveProjectionThread } from './thread/serve-projection-thread';
export { openReadModelDatabase } from './read-model-database';
export { ProjectionsModule, PROJECTIONS } from './nest/projections.module';
