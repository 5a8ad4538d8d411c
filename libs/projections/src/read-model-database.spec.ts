import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModelDatabase } from './read-model-database';

/** Files this process holds open that SQLite made for temporary data (it names them etilqs_…, then unlinks them). */
const openTempFiles = (): string[] =>
  readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => target.includes('etilqs_'));

describe('openReadModelDatabase', () => {
  const dir = mkdtempSync(join(tmpdir(), 'read-models-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sets a file that is not a database aside and starts afresh: read models are rebuilt from the log', () => {
    const damagedDir = mkdtempSync(join(dir, 'damaged-'));
    const path = join(damagedDir, 'read-models.sqlite');
    writeFileSync(path, 'garbage');
    const setAside: string[] = [];
    const db = openReadModelDatabase(path, (movedTo) => setAside.push(movedTo));
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(setAside).toEqual([expect.stringMatching(/read-models\.sqlite\.damaged-\d{8}T\d{6}Z$/)]);
    expect(readFileSync(setAside[0], 'utf8')).toBe('garbage');
    expect(readdirSync(damagedDir).filter((f) => !f.startsWith('read-models.sqlite.damaged-'))).toContain(
      'read-models.sqlite',
    );
  });

  it('keeps the savepoint journals of a projection commit in memory, not in a temporary file', () => {
    const db = openReadModelDatabase(join(dir, 'read-models.sqlite'));
    db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO rows (text) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run('x'.repeat(200));
    })();
    let during: string[] = [];
    // The feed's transaction with one savepoint per projection, as a live commit runs them.
    db.transaction(() => {
      for (let projection = 0; projection < 3; projection++)
        db.transaction(() => {
          db.prepare('UPDATE rows SET text = ? WHERE id % 7 = ?').run('y'.repeat(200), projection);
          during = [...during, ...openTempFiles()];
        })();
    })();
    expect(during).toEqual([]);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    db.close();
  });

  it('lets the write-ahead log reach 10,000 pages before folding it back, so a page rewritten by many live commits is copied once', () => {
    const path = join(dir, 'checkpointed.sqlite');
    const db = openReadModelDatabase(path);
    db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO rows (text) VALUES (?)');
    // 2,000 small commits of 4 KB each: well past SQLite's default of a checkpoint every 1,000 pages.
    for (let commit = 0; commit < 2000; commit++) insert.run('x'.repeat(4000));
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(2000 * 4096);
    db.close();
  });
});
