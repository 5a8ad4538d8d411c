import { Global, Inject, Injectable, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { DUTY_LEASES, DutyLeases } from './duty-leases';
import { LeaseStore } from './lease.store';

@Injectable()
class LeasesLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(DUTY_LEASES) private readonly leases: DutyLeases) {}
  onModuleInit(): void {
    this.leases.start();
  }
  /** After every duty stopped in beforeApplicationShutdown (a webhook attempt under way is finished and recorded). */
  onApplicationShutdown(): void {
    this.leases.stop();
  }
}

/** Which single-writer duties this process holds (see DutyLeases). */
@Global()
@Module({
  providers: [
    {
      provide: DUTY_LEASES,
      useFactory: (c: AppConfig) =>
        new DutyLeases(new LeaseStore(c.dataDir), { seeks: c.role !== 'api', ttlMs: c.leaseTtlMs }),
      inject: [APP_CONFIG],
    },
    LeasesLifecycle,
  ],
  exports: [DUTY_LEASES],
})
export class LeasesModule {}
