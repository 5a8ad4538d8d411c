import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreConformance } from '../testing';
import { SqliteEventStore } from './sqlite-event-store';

eventStoreConformance({ name: 'SQLite :memory:', open: async () => new SqliteEventStore({ path: ':memory:' }) });

eventStoreConformance({
  name: 'SQLite file (WAL, synchronous=FULL)',
  open: async () => new SqliteEventStore({ path: join(mkdtempSync(join(tmpdir(), 'ledger-')), 'events.sqlite') }),
});
