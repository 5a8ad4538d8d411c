import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { AgreementsModule } from '../agreements/agreements.module';
import { LedgerModule } from '../ledger/ledger.module';
import { FeedHub } from './feed-hub';
import { FeedsHttpController, SSE_SETTINGS } from './feeds.http.controller';

@Module({
  imports: [LedgerModule, AgreementsModule],
  controllers: [FeedsHttpController],
  providers: [FeedHub, { provide: SSE_SETTINGS, useFactory: (c: AppConfig) => c.feeds, inject: [APP_CONFIG] }],
  exports: [FeedHub],
})
export class FeedsModule {}
