import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { AuthModule } from '../auth/auth.module';
import { CREDENTIAL_KEY } from '../auth/credential-key';
import type { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { ConfidentialHttpController } from './confidential.http.controller';
import { SOURCE_REGISTER, SourceRegister } from './source-register.store';
import { SqliteSubjectKeyStore, SUBJECT_KEYS, type SubjectKeyStore } from './subject-key.store';
import { ShredSubjectKeyHandler } from './write-subject-key.command';

/**
 * What the log must not hold in clear: per-subject keys (sealed fields), the register of protected sources,
 * and erasure. Both stores live outside the log, under DATA_DIR, and are backed up apart from it.
 */
@Module({
  imports: [AuthModule],
  controllers: [ConfidentialHttpController],
  providers: [
    {
      provide: SUBJECT_KEYS,
      useFactory: (c: AppConfig) => new SqliteSubjectKeyStore(c.dataDir),
      inject: [APP_CONFIG],
    },
    {
      provide: SOURCE_REGISTER,
      useFactory: (c: AppConfig, credentialKey: Buffer) =>
        new SourceRegister(c.dataDir, createHmac('sha256', credentialKey).update('source-digest').digest()),
      inject: [APP_CONFIG, CREDENTIAL_KEY],
    },
    ShredSubjectKeyHandler,
  ],
  exports: [SUBJECT_KEYS, SOURCE_REGISTER],
})
export class ConfidentialModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(SUBJECT_KEYS) private readonly keys: SubjectKeyStore,
    @Inject(SOURCE_REGISTER) private readonly sources: SourceRegister,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** A shredding recorded but not carried out (a crash between the two) is carried out at start. */
  async onApplicationBootstrap(): Promise<void> {
    for await (const e of this.store.readAll({ filter: { categories: ['subjectkey'] } }))
      this.keys.destroy((e.data as { subjectKeyId: string }).subjectKeyId);
  }

  onApplicationShutdown(): void {
    this.keys.close();
    this.sources.close();
  }
}
