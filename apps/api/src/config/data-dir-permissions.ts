import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * DATA_DIR holds secrets beside the record (signing and credential keys, webhook secrets, subject keys,
 * the source register): it is the owner's alone. New files are made 0600 (umask), and a directory or files
 * left readable by others, e.g. by an older version, are closed to them at start.
 */
export const protectDataDir = (dataDir: string): void => {
  process.umask(0o077);
  if (dataDir === ':memory:') return;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name);
    try {
      const stat = statSync(path);
      if (stat.isFile() && (stat.mode & 0o077) !== 0) chmodSync(path, stat.mode & 0o700);
    } catch (error) {
      // Processes sharing DATA_DIR (ROLE=api, worker) start together: another one's journal may be gone already.
      if ((error as { code?: string }).code !== 'ENOENT') throw error;
    }
  }
};
