import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { DeadlineScheduler, SCHEDULER_INTERVAL_MS } from './deadline-scheduler';

@Module({
  providers: [
    { provide: SCHEDULER_INTERVAL_MS, useFactory: (c: AppConfig) => c.schedulerIntervalMs, inject: [APP_CONFIG] },
    DeadlineScheduler,
  ],
})
export class SchedulerModule {}
