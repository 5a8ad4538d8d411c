import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { AuthModule } from '../auth/auth.module';
import { CREDENTIAL_KEY } from '../auth/credential-key';
import { FeedsModule } from '../feeds/feeds.module';
import { WebhookSecretBox } from './webhook-secret-box';
import { WEBHOOK_SETTINGS, WEBHOOK_STORE, WebhookDispatcher } from './webhook-dispatcher';
import { WebhookStore } from './webhook-store';
import { WebhooksHttpController } from './webhooks.http.controller';

@Module({
  imports: [FeedsModule, AuthModule],
  controllers: [WebhooksHttpController],
  providers: [
    {
      provide: WEBHOOK_STORE,
      useFactory: (c: AppConfig, credentialKey: Buffer) =>
        new WebhookStore(c.dataDir, new WebhookSecretBox(credentialKey), c.webhooks.deliveriesKept),
      inject: [APP_CONFIG, CREDENTIAL_KEY],
    },
    { provide: WEBHOOK_SETTINGS, useFactory: (c: AppConfig) => c.webhooks, inject: [APP_CONFIG] },
    WebhookDispatcher,
  ],
  exports: [WEBHOOK_STORE],
})
export class WebhooksModule {}
