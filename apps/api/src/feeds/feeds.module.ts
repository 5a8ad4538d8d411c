import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { AgreementsModule } from '../agreements/agreements.module';
import { LedgerModule } from '../ledger/ledger.module';
import { FeedHub } from './feed-hub';
import { FeedsHttpController } from './feeds.http.controller';
import { SSE_SETTINGS, SseConnections } from './sse-connections';

@Module({
  imports: [LedgerModule, AgreementsModule],
  controllers: [FeedsHttpController],
  providers: [
    FeedHub,
    SseConnections,
    { provide: SSE_SETTINGS, useFactory: (c: AppConfig) => c.feeds, inject: [APP_CONFIG] },
  ],
  exports: [FeedHub, SseConnections],
})
export class FeedsModule {}
