import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStoreModule } from '@ceasefire/event-store';
import { ProjectionsModule } from '@ceasefire/projections';
import { AgreementsModule } from './agreements/agreements.module';
import { PublicRecordModule } from './public-record/public-record.module';
import { ConfidentialModule } from './confidential/confidential.module';
import { AuthModule } from './auth/auth.module';
import { CommitmentsModule } from './commitments/commitments.module';
import { ComplianceModule } from './compliance/compliance.module';
import type { AppConfig } from './config/app.config';
import { ConfigModule } from './config/config.module';
import { FeedsModule } from './feeds/feeds.module';
import { HealthModule } from './health/health.module';
import { IncidentsModule } from './incidents/incidents.module';
import { LeasesModule } from './leases/leases.module';
import type { LedgerMetrics } from './metrics/ledger-metrics';
import { measuredEventStore } from './metrics/measured-event-store';
import { MetricsModule } from './metrics/metrics.module';
import { LedgerModule } from './ledger/ledger.module';
import { ObligationsModule } from './obligations/obligations.module';
import { readModelProjections } from './read-models/read-model-projections';
import { ReadModelsModule } from './read-models/read-models.module';
import { readModelsThread } from './read-models/read-models-thread.options';
import { SchedulerModule } from './scheduler/scheduler.module';
import { StreamsModule } from './streams/streams.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** The app is its feature modules on one event store, one set of read models and one command bus. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, metrics: LedgerMetrics): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CqrsModule.forRoot(),
        EventStoreModule.forRoot(config.eventStore, (store) => measuredEventStore(store, metrics)),
        MetricsModule.forRoot(metrics),
        LeasesModule,
        ProjectionsModule.forRoot({
          dataDir: config.readModelsDir,
          projections: readModelProjections(config.ledger.origin),
          thread: readModelsThread(config),
        }),
        AuthModule,
        ConfidentialModule,
        HealthModule,
        ReadModelsModule,
        ObligationsModule,
        AgreementsModule,
        IncidentsModule,
        CommitmentsModule,
        ComplianceModule,
        LedgerModule,
        PublicRecordModule,
        SubmissionsModule,
        FeedsModule,
        WebhooksModule,
        SchedulerModule,
        StreamsModule,
      ],
    };
  }
}
