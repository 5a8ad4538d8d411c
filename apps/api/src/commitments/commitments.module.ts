import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { LedgerModule } from '../ledger/ledger.module';
import { CommitmentsHttpController } from './commitments.http.controller';
import { GetCommitmentHttpController } from './get-commitment.http.controller';
import { ListCommitmentsHttpController } from './list-commitments.http.controller';
import { WriteCommitmentHandler } from './write-commitment.command';

@Module({
  imports: [AgreementsModule, LedgerModule],
  controllers: [CommitmentsHttpController, GetCommitmentHttpController, ListCommitmentsHttpController],
  providers: [WriteCommitmentHandler],
})
export class CommitmentsModule {}
