import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { FeedsModule } from '../feeds/feeds.module';
import { WEBHOOK_SETTINGS, WEBHOOK_STORE, WebhookDispatcher } from './webhook-dispatcher';
import { WebhookStore } from './webhook-store';
import { WebhooksHttpController } from './webhooks.http.controller';

@Module({
  imports: [FeedsModule],
  controllers: [WebhooksHttpController],
  providers: [
    {
      provide: WEBHOOK_STORE,
      useFactory: (c: AppConfig) => new WebhookStore(c.dataDir, c.webhooks.deliveriesKept),
      inject: [APP_CONFIG],
    },
    { provide: WEBHOOK_SETTINGS, useFactory: (c: AppConfig) => c.webhooks, inject: [APP_CONFIG] },
    WebhookDispatcher,
  ],
})
export class WebhooksModule {}
