import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { AgreementCheckpointHttpController } from './agreement-checkpoint.http.controller';
import { AgreementDirectory } from './agreement-directory';
import { AgreementTimeline } from './agreement-timeline';
import { ExportTimelineHttpController } from './export-timeline.http.controller';
import { GetAgreementHttpController } from './get-agreement.http.controller';
import { ListAgreementsHttpController } from './list-agreements.http.controller';
import { MeetingsHttpController } from './meetings.http.controller';
import { ReaffirmAgreementHttpController } from './reaffirm-agreement.http.controller';
import { RegisterAgreementHttpController } from './register-agreement.http.controller';
import { SuspendOrResumeAgreementHttpController } from './suspend-or-resume-agreement.http.controller';
import { WriteAgreementHandler } from './write-agreement.command';

@Module({
  imports: [LedgerModule],
  controllers: [
    RegisterAgreementHttpController,
    ListAgreementsHttpController,
    GetAgreementHttpController,
    ReaffirmAgreementHttpController,
    SuspendOrResumeAgreementHttpController,
    MeetingsHttpController,
    ExportTimelineHttpController,
    AgreementCheckpointHttpController,
  ],
  providers: [AgreementDirectory, AgreementTimeline, WriteAgreementHandler],
  exports: [AgreementDirectory, AgreementTimeline],
})
export class AgreementsModule {}
