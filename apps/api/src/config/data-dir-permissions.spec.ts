import { mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { protectDataDir } from './data-dir-permissions';

describe('protectDataDir', () => {
  it('closes files others could read, and starts although an entry vanished between listing and its stat', () => {
    const dir = mkdtempSync(join(tmpdir(), 'protect-'));
    writeFileSync(join(dir, 'events.sqlite'), '', { mode: 0o644 });
    // Another process on this DATA_DIR deletes its journal at any moment: here, one that is already gone.
    symlinkSync(join(dir, 'gone'), join(dir, 'leases.sqlite-journal'));
    const umask = process.umask(0o022);
    try {
      expect(() => protectDataDir(dir)).not.toThrow();
    } finally {
      process.umask(umask);
    }
    expect(statSync(join(dir, 'events.sqlite')).mode & 0o777).toBe(0o600);
  });
});
