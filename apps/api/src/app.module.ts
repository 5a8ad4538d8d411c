import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStoreModule } from '@ceasefire/event-store';
import { ProjectionsModule } from '@ceasefire/projections';
import { ExportTimelineHttpController } from './agreements/export-timeline.http.controller';
import { GetAgreementHttpController } from './agreements/get-agreement.http.controller';
import { MeetingsHttpController } from './agreements/meetings.http.controller';
import { ReaffirmAgreementHttpController } from './agreements/reaffirm-agreement.http.controller';
import { RegisterAgreementHttpController } from './agreements/register-agreement.http.controller';
import { SuspendOrResumeAgreementHttpController } from './agreements/suspend-or-resume-agreement.http.controller';
import { AgreementDirectory } from './agreements/agreement-directory';
import { WriteAgreementHandler } from './agreements/write-agreement.command';
import { adminTokenHash } from './auth/admin-token';
import { ADMIN_TOKEN_HASH, BearerAuthGuard } from './auth/bearer-auth.guard';
import { RegisterPrincipalHttpController } from './auth/register-principal/register-principal.http.controller';
import { CommitmentsHttpController } from './commitments/commitments.http.controller';
import { GetCommitmentHttpController } from './commitments/get-commitment.http.controller';
import { WriteCommitmentHandler } from './commitments/write-commitment.command';
import { GetComplianceHttpController } from './compliance/get-compliance.http.controller';
import { GetComplianceHandler } from './compliance/get-compliance.query';
import type { AppConfig } from './config/app.config';
import { HealthHttpController } from './health/health.http.controller';
import { DisputesAndConsequencesHttpController } from './incidents/disputes-and-consequences.http.controller';
import { FindingsHttpController } from './incidents/findings.http.controller';
import { IncidentIntakeHttpController } from './incidents/incident-intake.http.controller';
import { GetIncidentHandler, ListIncidentsHandler } from './incidents/incident-queries';
import { IncidentReadsHttpController } from './incidents/incident-reads.http.controller';
import { InvestigationHttpController } from './incidents/investigation.http.controller';
import { ReportIncidentHttpController } from './incidents/report-incident.http.controller';
import { WriteIncidentHandler } from './incidents/write-incident.command';
import { WritePrincipalHandler } from './auth/register-principal/write-principal.command';
import { WritePartyKeysHandler } from './submissions/write-party-keys.command';
import { WriteWitnessHandler } from './ledger/write-witness.command';
import { readModelProjections } from './read-models/read-model-projections';
import { readModelsThread } from './read-models/read-models-thread.options';
import { DeadlineScheduler, SCHEDULER_INTERVAL_MS } from './scheduler/deadline-scheduler';
import { StreamsModule } from './streams/streams.module';
import { CheckpointSigner, LEDGER_SETTINGS, LEDGER_SIGNER } from './ledger/checkpoint-signer';
import { LedgerHttpController } from './ledger/ledger.http.controller';
import { SIGNED_CHECKPOINTS, SignedCheckpointStore } from './ledger/signed-checkpoints.store';
import { EventReceiptHttpController } from './ledger/event-receipt.http.controller';
import { loadLedgerSigner } from './ledger/ledger-keys';
import { AgreementCheckpointHttpController } from './ledger/agreement-checkpoint.http.controller';
import { PartyKeysHttpController } from './submissions/party-keys.http.controller';
import { SubmissionSignatureGuard } from './submissions/submission-signature.guard';
import { LedgerSequencing } from './ledger/ledger-sequencing';
import { WitnessesHttpController } from './ledger/witnesses.http.controller';
import { FeedHub } from './feeds/feed-hub';
import { FeedsHttpController, SSE_SETTINGS } from './feeds/feeds.http.controller';
import { WEBHOOK_SETTINGS, WEBHOOK_STORE, WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookStore } from './webhooks/webhook-store';
import { WebhooksHttpController } from './webhooks/webhooks.http.controller';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        EventStoreModule.forRoot(config.eventStore),
        ProjectionsModule.forRoot({
          dataDir: config.dataDir,
          projections: readModelProjections(config.ledger.origin),
          thread: readModelsThread(config),
        }),
        StreamsModule,
      ],
      controllers: [
        HealthHttpController,
        RegisterPrincipalHttpController,
        RegisterAgreementHttpController,
        GetAgreementHttpController,
        ReaffirmAgreementHttpController,
        SuspendOrResumeAgreementHttpController,
        MeetingsHttpController,
        ExportTimelineHttpController,
        ReportIncidentHttpController,
        IncidentIntakeHttpController,
        InvestigationHttpController,
        FindingsHttpController,
        DisputesAndConsequencesHttpController,
        IncidentReadsHttpController,
        CommitmentsHttpController,
        GetCommitmentHttpController,
        GetComplianceHttpController,
        LedgerHttpController,
        EventReceiptHttpController,
        WitnessesHttpController,
        AgreementCheckpointHttpController,
        PartyKeysHttpController,
        FeedsHttpController,
        WebhooksHttpController,
      ],
      providers: [
        { provide: ADMIN_TOKEN_HASH, useValue: adminTokenHash(config.dataDir, process.env, config.announceAdminToken) },
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        { provide: APP_GUARD, useClass: SubmissionSignatureGuard },
        LedgerSequencing,
        { provide: SCHEDULER_INTERVAL_MS, useValue: config.schedulerIntervalMs },
        AgreementDirectory,
        WriteAgreementHandler,
        WriteIncidentHandler,
        WriteCommitmentHandler,
        WritePrincipalHandler,
        WritePartyKeysHandler,
        WriteWitnessHandler,
        GetIncidentHandler,
        ListIncidentsHandler,
        GetComplianceHandler,
        DeadlineScheduler,
        { provide: LEDGER_SIGNER, useValue: loadLedgerSigner(config.dataDir, config.ledger.origin, process.env) },
        { provide: LEDGER_SETTINGS, useValue: config.ledger },
        { provide: SIGNED_CHECKPOINTS, useFactory: () => new SignedCheckpointStore(config.dataDir) },
        CheckpointSigner,
        FeedHub,
        { provide: SSE_SETTINGS, useValue: config.feeds },
        { provide: WEBHOOK_STORE, useFactory: () => new WebhookStore(config.dataDir) },
        { provide: WEBHOOK_SETTINGS, useValue: config.webhooks },
        WebhookDispatcher,
      ],
    };
  }
}
