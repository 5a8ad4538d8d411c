import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_FORMAT, type BackupManifest, MANIFEST } from './backup-data-dir';
import { readTar } from './tar-archive';

const SAFE_NAME = /^[a-z0-9][a-z0-9.-]*$/;

/**
 * Brings a backup back into an empty DATA_DIR (a restore never mixes with, or overwrites, a record): every
 * file is checked against the manifest's SHA-256, and the log against the manifest's head. Start the server
 * on it: the read models are rebuilt from the log.
 */
export const restoreDataDir = (archive: string, dataDir: string): BackupManifest => {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new Error(`DATA_DIR ${dataDir} is not empty; restore into a new, empty directory`);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const hashes = new Map<string, string>();
  let manifestText = '';
  readTar(archive, (entry) => {
    if (!SAFE_NAME.test(entry.name)) throw new Error(`the archive holds an unexpected file name: ${entry.name}`);
    if (entry.name === MANIFEST) return (chunk) => (manifestText += chunk.toString('utf8'));
    const fd = openSync(join(dataDir, entry.name), 'wx', 0o600);
    const hash = createHash('sha256');
    let written = 0;
    if (entry.size === 0) {
      closeSync(fd);
      hashes.set(entry.name, hash.digest('hex'));
    }
    return (chunk) => {
      writeSync(fd, chunk);
      hash.update(chunk);
      written += chunk.length;
      if (written === entry.size) {
        fsyncSync(fd);
        closeSync(fd);
        hashes.set(entry.name, hash.digest('hex'));
      }
    };
  });
  const manifest = JSON.parse(manifestText || '{}') as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`${archive} is not a Ceasefire Ledger backup`);
  for (const file of manifest.files) {
    if (hashes.get(file.name) !== file.sha256)
      throw new Error(`${file.name} in ${archive} does not match its SHA-256 in the manifest: the backup is damaged`);
  }
  if (existsSync(join(dataDir, 'events.sqlite'))) {
    const log = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
    const head = (log.prepare('SELECT MAX(position) AS head FROM events').get() as { head: number | null }).head;
    log.close();
    if (String(head ?? '').padStart(20, '0') !== (manifest.head || '').padStart(20, '0'))
      throw new Error(`the restored log ends at ${head}, not at the manifest's head ${manifest.head}`);
  }
  return manifest;
};
