import { type DynamicModule, Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createEventStore, type EventStoreConfig } from '../create-event-store';
import { EVENT_STORE, type EventStore } from '../port/event-store.port';

@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** Provides the process's one EventStore under the EVENT_STORE token. */
@Global()
@Module({})
export class EventStoreModule {
  /** `decorate` wraps the store the app uses (to measure appends, for instance). */
  static forRoot(config: EventStoreConfig, decorate: (store: EventStore) => EventStore = (s) => s): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: EVENT_STORE, useFactory: async () => decorate(await createEventStore(config)) },
        EventStoreCloser,
      ],
      exports: [EVENT_STORE],
    };
  }
}
