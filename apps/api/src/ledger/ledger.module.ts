import { LedgerEntriesHttpController } from './ledger-entries.http.controller';
import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { CheckpointSigner, LEDGER_SETTINGS, LEDGER_SIGNER } from './checkpoint-signer';
import { EventReceiptHttpController } from './event-receipt.http.controller';
import { loadLedgerSigner } from './ledger-keys';
import { LedgerSequencing } from './ledger-sequencing';
import { LedgerHttpController } from './ledger.http.controller';
import { SIGNED_CHECKPOINTS, SignedCheckpointStore } from './signed-checkpoints.store';
import { WitnessesHttpController } from './witnesses.http.controller';
import { WriteWitnessHandler } from './write-witness.command';

/** The log as a Merkle tree: signed checkpoints, witnesses, proofs, and each write's ledger index. */
@Module({
  controllers: [LedgerHttpController, LedgerEntriesHttpController, EventReceiptHttpController, WitnessesHttpController],
  providers: [
    {
      provide: LEDGER_SIGNER,
      useFactory: (c: AppConfig) => loadLedgerSigner(c.dataDir, c.ledger.origin, process.env),
      inject: [APP_CONFIG],
    },
    { provide: LEDGER_SETTINGS, useFactory: (c: AppConfig) => c.ledger, inject: [APP_CONFIG] },
    {
      provide: SIGNED_CHECKPOINTS,
      useFactory: (c: AppConfig) => new SignedCheckpointStore(c.dataDir),
      inject: [APP_CONFIG],
    },
    CheckpointSigner,
    LedgerSequencing,
    WriteWitnessHandler,
  ],
  exports: [LedgerSequencing, CheckpointSigner, LEDGER_SETTINGS],
})
export class LedgerModule {}
