import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStoreModule } from '@ceasefire/event-store';
import { ProjectionsModule } from '@ceasefire/projections';
import type { AppConfig } from './config/app.config';
import { HealthHttpController } from './health/health.http.controller';
import { streamCatalogProjection } from './streams/stream-catalog.projection';
import { StreamsModule } from './streams/streams.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        EventStoreModule.forRoot(config.eventStore),
        ProjectionsModule.forRoot({ dataDir: config.dataDir, projections: [streamCatalogProjection] }),
        StreamsModule,
      ],
      controllers: [HealthHttpController],
    };
  }
}
