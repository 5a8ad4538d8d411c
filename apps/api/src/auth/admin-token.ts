import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
export const newToken = (): string => randomBytes(32).toString('base64url');

/**
 * The bootstrap admin: ADMIN_TOKEN when set; else the hash kept in DATA_DIR from an earlier start;
 * else a new token, printed once, of which only the hash is kept (file mode 0600).
 */
export const adminTokenHash = (dataDir: string, env: NodeJS.ProcessEnv, announce: (token: string) => void): string => {
  if (env.ADMIN_TOKEN) return sha256Hex(env.ADMIN_TOKEN);
  const file = join(dataDir, 'admin-token.sha256');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const token = newToken();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${sha256Hex(token)}\n`, { mode: 0o600 });
  announce(token);
  return sha256Hex(token);
};
