import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { TarWriter } from './tar-archive';

export const BACKUP_FORMAT = 'ceasefire-ledger-backup/1';
export const MANIFEST = 'manifest.json';

/**
 * What DATA_DIR holds that nothing can rebuild, in the order it is copied. Stores that name positions of
 * the log (signed checkpoints, webhook cursors) are copied before it, so the copy of the log reaches every
 * position they name; stores the log's events refer to (confidential keys and sources) after it, so they
 * hold everything those events need. Read models are left out: they are rebuilt from the log.
 */
const BEFORE_LOG = ['checkpoints.sqlite', 'webhooks.sqlite'];
const LOG = 'events.sqlite';
const AFTER_LOG = ['subject-keys.sqlite', 'sources.sqlite'];
const KEY_FILES = ['ledger-signing.key', 'credential.key', 'admin-token.sha256'];

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  /** The log's last position in the copy ("" when the log is on EventStoreDB and not in DATA_DIR). */
  head: string;
  events: number;
  files: { name: string; bytes: number; sha256: string }[];
}

const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * A consistent copy of a running server's DATA_DIR, into one archive: each SQLite store through SQLite's
 * online backup (a snapshot of that store, taken while the server goes on writing), in the order above.
 */
export const backupDataDir = async (
  dataDir: string,
  out: string,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<BackupManifest> => {
  if (!existsSync(dataDir)) throw new Error(`DATA_DIR ${dataDir} does not exist`);
  if (existsSync(out)) throw new Error(`${out} exists already; a backup never overwrites a file`);
  const work = mkdtempSync(join(dirname(out), `.${basename(out)}.`));
  try {
    const stores = [...BEFORE_LOG, LOG, ...AFTER_LOG].filter((f) => existsSync(join(dataDir, f)));
    const total = stores.reduce((n, f) => n + statSync(join(dataDir, f)).size, 0);
    let before = 0;
    let head = '';
    let events = 0;
    for (const name of stores) {
      const source = new Database(join(dataDir, name), { readonly: true, fileMustExist: true, timeout: 10_000 });
      try {
        await source.backup(join(work, name), {
          progress: ({ totalPages, remainingPages }) => {
            const size = statSync(join(dataDir, name)).size;
            progress(Math.min(total, before + size * (1 - remainingPages / Math.max(1, totalPages))), total);
            return 1000;
          },
        });
      } finally {
        source.close();
      }
      before += statSync(join(dataDir, name)).size;
      if (name === LOG) {
        const copy = new Database(join(work, name), { readonly: true });
        const row = copy.prepare('SELECT MAX(position) AS head, COUNT(*) AS n FROM events').get() as {
          head: number | null;
          n: number;
        };
        copy.close();
        head = row.head === null ? '' : String(row.head).padStart(20, '0');
        events = row.n;
      }
    }
    for (const name of KEY_FILES)
      if (existsSync(join(dataDir, name))) copyFileSync(join(dataDir, name), join(work, name));
    const names = [...stores, ...KEY_FILES.filter((f) => existsSync(join(work, f)))];
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      head,
      events,
      files: names.map((name) => ({
        name,
        bytes: statSync(join(work, name)).size,
        sha256: sha256Of(join(work, name)),
      })),
    };
    writeFileSync(join(work, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    const tar = new TarWriter(out);
    try {
      for (const name of [MANIFEST, ...names]) tar.add(name, join(work, name), statSync(join(work, name)).size);
    } finally {
      tar.finish();
    }
    progress(total, total);
    return manifest;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};
