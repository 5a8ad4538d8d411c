export { type Projection, type ProjectionTx, physicalTable } from './projection';
export { ProjectionParked, UnknownProjection, WaitForTimeout } from './projection.errors';
export { PROJECTION_RUNNER, ProjectionRunner, type ProjectionHealth } from './projection-runner';
export { openReadModelDatabase } from './read-model-database';
export { ProjectionsModule, PROJECTIONS } from './nest/projections.module';
