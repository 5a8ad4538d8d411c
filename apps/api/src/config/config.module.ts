import { type DynamicModule, Global, Module } from '@nestjs/common';
import { READ_LANE, ReadLane } from '../shared/read-lane';
import type { AppConfig } from './app.config';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The configuration read once at boot, for every feature module's factories, and the one lane of heavy reads. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: READ_LANE, useValue: new ReadLane(config.reads.laneWidth, config.reads.laneQueue) },
      ],
      exports: [APP_CONFIG, READ_LANE],
    };
  }
}
