import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDataDirDatabase } from './data-dir-database';

describe('openDataDirDatabase', () => {
  it('refuses a file that is not a SQLite database, naming it and the way back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'data-dir-'));
    writeFileSync(join(dir, 'webhooks.sqlite'), 'garbage');
    expect(() => openDataDirDatabase(dir, 'webhooks.sqlite', 'FULL')).toThrow(
      `${join(dir, 'webhooks.sqlite')} is not a SQLite database it can read (SQLITE_NOTADB): restore DATA_DIR from a backup`,
    );
  });
});
