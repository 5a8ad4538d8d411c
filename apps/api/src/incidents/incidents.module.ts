import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { LedgerModule } from '../ledger/ledger.module';
import { DisputesAndConsequencesHttpController } from './disputes-and-consequences.http.controller';
import { FindingsHttpController } from './findings.http.controller';
import { IncidentIntakeHttpController } from './incident-intake.http.controller';
import { GetIncidentHandler, ListIncidentsHandler } from './incident-queries';
import { IncidentReadsHttpController } from './incident-reads.http.controller';
import { InvestigationHttpController } from './investigation.http.controller';
import { ReportIncidentHttpController } from './report-incident.http.controller';
import { WriteIncidentHandler } from './write-incident.command';

@Module({
  imports: [AgreementsModule, LedgerModule],
  controllers: [
    ReportIncidentHttpController,
    IncidentIntakeHttpController,
    InvestigationHttpController,
    FindingsHttpController,
    DisputesAndConsequencesHttpController,
    IncidentReadsHttpController,
  ],
  providers: [WriteIncidentHandler, GetIncidentHandler, ListIncidentsHandler],
})
export class IncidentsModule {}
