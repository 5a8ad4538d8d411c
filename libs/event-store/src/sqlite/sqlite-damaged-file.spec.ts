import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';

describe('a log file that is not a SQLite database', () => {
  it('is refused at start, naming the file and the way back, never replaced', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'damaged-')), 'events.sqlite');
    writeFileSync(path, 'a text file where the log should be');
    expect(() => new SqliteEventStore({ path })).toThrow(
      `${path} is not a SQLite database it can read (SQLITE_NOTADB): it is the log, restore DATA_DIR from a backup`,
    );
  });
});
