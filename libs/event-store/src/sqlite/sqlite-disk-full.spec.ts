import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { EventStoreUnavailable } from '../port/event-store.errors';
import { anEvent } from '../testing/test-events';
import { SqliteEventStore } from './sqlite-event-store';

describe('SQLite appends when the disk is full', () => {
  it('fail as unavailable (retry later) writing nothing, and succeed once there is room again', async () => {
    const store = new SqliteEventStore({ path: join(mkdtempSync(join(tmpdir(), 'full-')), 'events.sqlite') });
    const first = await store.append('case-1', [anEvent()]);
    const db = (store as unknown as { db: Database.Database }).db;
    const pages = db.pragma('page_count', { simple: true }) as number;
    // The file may not grow: as a full disk does, SQLite answers SQLITE_FULL.
    db.pragma(`max_page_count = ${pages}`);
    const big = Array.from({ length: 40 }, () => anEvent('SomethingHappened', { note: 'x'.repeat(4000) }));
    await expect(store.append('case-2', big)).rejects.toBeInstanceOf(EventStoreUnavailable);
    await expect(store.append('case-2', big)).rejects.toThrow(/the log could not be written, nothing was/);
    expect(await store.headPosition()).toBe(first.position);
    db.pragma('max_page_count = 1073741823');
    const written = await store.append('case-2', big, { expected: 'no_stream' });
    expect(written.nextExpectedRevision).toBe(39);
    await store.close();
  });
});
