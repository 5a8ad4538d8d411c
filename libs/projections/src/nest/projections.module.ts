import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Projection } from '../projection';
import { PROJECTION_RUNNER, ProjectionRunner } from '../projection-runner';
import { openReadModelDatabase } from '../read-model-database';

/** Multi-provider style token: every module contributes its projections to this list. */
export const PROJECTIONS = Symbol('PROJECTIONS');

@Injectable()
class ProjectionLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}
  onApplicationBootstrap(): void {
    this.runner.start();
  }
  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    this.runner.db.close();
  }
}

@Global()
@Module({})
export class ProjectionsModule {
  /** `dataDir` holds read-models.sqlite; ':memory:' keeps read models in memory (tests). */
  static forRoot(options: { dataDir: string; projections: Projection[] }): DynamicModule {
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
            return new ProjectionRunner(store, openReadModelDatabase(path), projections);
          },
        },
        ProjectionLifecycle,
      ],
      exports: [PROJECTION_RUNNER],
    };
  }
}
