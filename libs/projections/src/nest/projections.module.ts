import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Projection } from '../projection';
import { InProcessProjectionRunner } from '../in-process-projection-runner';
import { PROJECTION_RUNNER, type ProjectionRunner } from '../projection-runner';
import { type ProjectionThreadSpec, ThreadedProjectionRunner } from '../thread/threaded-projection-runner';
import { openReadModelDatabase } from '../read-model-database';

/** Multi-provider style token: every module contributes its projections to this list. */
export const PROJECTIONS = Symbol('PROJECTIONS');

@Injectable()
class ProjectionLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}
  onApplicationBootstrap(): Promise<void> {
    return this.runner.start();
  }
  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    this.runner.db.close();
  }
}

@Global()
@Module({})
export class ProjectionsModule {
  /**
   * `dataDir` holds read-models.sqlite; ':memory:' keeps read models in memory (tests). With `thread`,
   * the projections run on a worker thread of their own (not possible for in-memory read models).
   */
  static forRoot(options: {
    dataDir: string;
    projections: Projection[];
    thread?: ProjectionThreadSpec;
  }): DynamicModule {
    return {
      module: ProjectionsModule,
      providers: [
        { provide: PROJECTIONS, useValue: options.projections },
        {
          provide: PROJECTION_RUNNER,
          inject: [EVENT_STORE, PROJECTIONS],
          useFactory: (store: EventStore, projections: Projection[]) => {
            if (options.dataDir !== ':memory:') mkdirSync(options.dataDir, { recursive: true });
            const path = options.dataDir === ':memory:' ? ':memory:' : join(options.dataDir, 'read-models.sqlite');
            const db = openReadModelDatabase(path, (movedTo) =>
              new Logger('ReadModels').warn(
                `${path} was not a database it could read: set aside as ${movedTo}; the read models are rebuilt from the log`,
              ),
            );
            return options.thread && path !== ':memory:'
              ? new ThreadedProjectionRunner(store, db, projections, options.thread)
              : new InProcessProjectionRunner(store, db, projections);
          },
        },
        ProjectionLifecycle,
      ],
      exports: [PROJECTION_RUNNER],
    };
  }
}
