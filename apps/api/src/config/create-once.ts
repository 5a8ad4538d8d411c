import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The text of `file`, made by `make` if the file does not exist yet. Processes starting together on one
 * DATA_DIR (two api and a worker) agree on one key: the file appears whole through a hard link, which
 * fails if it exists, so the first process's key wins and the others read it instead of writing theirs.
 */
export const readOrCreateOnce = (file: string, make: () => string): { text: string; created: boolean } => {
  mkdirSync(dirname(file), { recursive: true });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  let created = false;
  try {
    readFileSync(file);
  } catch {
    writeFileSync(draft, make(), { mode: 0o600 });
    try {
      linkSync(draft, file);
      created = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  return { text: readFileSync(file, 'utf8'), created };
};
