import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type Database from 'better-sqlite3';
import { useWriteAheadLog } from './write-ahead-log';

/** A database whose journal-mode switch is refused `busyTimes` times first. */
const refusing = (busyTimes: number, code = 'SQLITE_BUSY') => {
  const calls: string[] = [];
  const db = {
    pragma: (text: string) => {
      calls.push(text);
      if (calls.length <= busyTimes) throw Object.assign(new Error('database is locked'), { code });
      return 'wal';
    },
  } as unknown as Database.Database;
  return { db, calls };
};

describe('switching a shared file to WAL', () => {
  it('succeeds in every one of three processes opening the same new files at the same moment', async () => {
    // Found when three processes of one DATA_DIR started together: one failed with "database is locked". Plain
    // `PRAGMA journal_mode = WAL` failed 78 of these 300 opens, with a busy timeout of 5 s.
    const dir = mkdtempSync(join(tmpdir(), 'wal-switch-'));
    try {
      const startAt = Date.now() + 1500;
      const script = join(process.cwd(), 'libs/event-store/src/testing/switch-files-to-wal.ts');
      const failed = await Promise.all(
        [1, 2, 3].map(async () => {
          const child = await promisify(execFile)(process.execPath, [
            '--import',
            'tsx',
            script,
            dir,
            `${startAt}`,
            '40',
          ]);
          return Number(child.stdout);
        }),
      );
      expect(failed).toEqual([0, 0, 0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('tries again while another process holds the file in the middle of its own switch', () => {
    const { db, calls } = refusing(3);
    useWriteAheadLog(db);
    expect(calls).toEqual(Array(4).fill('journal_mode = WAL'));
  });

  it('gives up with SQLite’s error once the wait is over', () => {
    const { db } = refusing(1_000);
    expect(() => useWriteAheadLog(db, 50)).toThrow('database is locked');
  });

  it('does not retry any other error', () => {
    const { db, calls } = refusing(1, 'SQLITE_CANTOPEN');
    expect(() => useWriteAheadLog(db)).toThrow('database is locked');
    expect(calls).toHaveLength(1);
  });
});
