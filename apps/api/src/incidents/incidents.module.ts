import { Module } from '@nestjs/common';
import { CaseHistory } from './case-history';
import { AgreementsModule } from '../agreements/agreements.module';
import { ConfidentialModule } from '../confidential/confidential.module';
import { ConfidentialCaseHttpController } from './confidential-case.http.controller';
import { LedgerModule } from '../ledger/ledger.module';
import { DisputesAndConsequencesHttpController } from './disputes-and-consequences.http.controller';
import { FindingsHttpController } from './findings.http.controller';
import { IncidentIntakeHttpController } from './incident-intake.http.controller';
import { CaseReader, GetIncidentHandler, ListIncidentsHandler } from './incident-queries';
import { IncidentReadsHttpController } from './incident-reads.http.controller';
import { InvestigationHttpController } from './investigation.http.controller';
import { ReportIncidentHttpController } from './report-incident.http.controller';
import { WriteIncidentHandler } from './write-incident.command';

@Module({
  imports: [AgreementsModule, LedgerModule, ConfidentialModule],
  controllers: [
    ReportIncidentHttpController,
    IncidentIntakeHttpController,
    InvestigationHttpController,
    FindingsHttpController,
    DisputesAndConsequencesHttpController,
    IncidentReadsHttpController,
    ConfidentialCaseHttpController,
  ],
  providers: [WriteIncidentHandler, GetIncidentHandler, ListIncidentsHandler, CaseReader, CaseHistory],
})
export class IncidentsModule {}
