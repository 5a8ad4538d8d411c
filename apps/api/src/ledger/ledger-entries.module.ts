import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { EntryVisibility } from '../confidential/entry-visibility';
import { LedgerEntriesHttpController } from './ledger-entries.http.controller';

/**
 * The log's entries as each reader may read them. Apart from the ledger module because judging an entry
 * needs the agreements, whose writes need the ledger.
 */
@Module({ imports: [AgreementsModule], controllers: [LedgerEntriesHttpController], providers: [EntryVisibility] })
export class LedgerEntriesModule {}
