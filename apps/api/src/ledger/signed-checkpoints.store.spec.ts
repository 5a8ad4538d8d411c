import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SignedCheckpointStore } from './signed-checkpoints.store';

describe('SignedCheckpointStore', () => {
  it('takes over the checkpoints and cosignatures a data directory kept in read-models.sqlite before', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-signed-'));
    const old = new Database(join(dir, 'read-models.sqlite'));
    old.exec(`CREATE TABLE ledger_checkpoints (size INTEGER PRIMARY KEY, root BLOB NOT NULL, note TEXT NOT NULL, signed_at TEXT NOT NULL);
      CREATE TABLE ledger_cosignatures (size INTEGER NOT NULL, witness TEXT NOT NULL, line TEXT NOT NULL, timestamp INTEGER NOT NULL, PRIMARY KEY (size, witness));`);
    old
      .prepare('INSERT INTO ledger_checkpoints VALUES (?, ?, ?, ?)')
      .run(3, Buffer.alloc(32, 7), 'note\n', '2025-10-30T00:00:00Z');
    old.prepare('INSERT INTO ledger_cosignatures VALUES (?, ?, ?, ?)').run(3, 'w', '— w sig\n', 1);
    old.close();
    const store = new SignedCheckpointStore(dir);
    expect(store.latest()).toEqual({
      size: 3,
      root: Buffer.alloc(32, 7),
      note: 'note\n',
      signedAt: '2025-10-30T00:00:00Z',
    });
    expect(store.cosignatureLines(3)).toEqual(['— w sig\n']);
    store.close();
    const again = new SignedCheckpointStore(dir);
    expect(again.bySize(3)?.note).toBe('note\n');
    again.close();
  });

  it('starts empty beside a damaged read-models.sqlite, which has nothing to hand over', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-signed-'));
    writeFileSync(join(dir, 'read-models.sqlite'), 'not a database');
    const store = new SignedCheckpointStore(dir);
    expect(store.latest()).toBeUndefined();
    store.close();
  });
});
