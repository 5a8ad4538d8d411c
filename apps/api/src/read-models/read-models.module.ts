import { Module } from '@nestjs/common';
import { ParkedProjectionsRetry } from './parked-projections-retry';
import { ResumeProjectionHttpController } from './resume-projection.http.controller';

/** Keeping the read models running: parked ones retried with backoff, or resumed by an admin. */
@Module({ controllers: [ResumeProjectionHttpController], providers: [ParkedProjectionsRetry] })
export class ReadModelsModule {}
