import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from './app.config';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The configuration read once at boot, for every feature module's factories. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
