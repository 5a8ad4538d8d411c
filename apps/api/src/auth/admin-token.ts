import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readOrCreateOnce } from '../config/create-once';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
export const newToken = (): string => randomBytes(32).toString('base64url');

/** What a bearer token may hold; the guard reads no other characters. */
export const TOKEN_CHARACTERS = /^[A-Za-z0-9._~+/=-]+$/;

/** Why an ADMIN_TOKEN is unfit to guard the record, or null when it is fit. */
export const adminTokenProblem = (token: string): string | null => {
  if (!TOKEN_CHARACTERS.test(token))
    return 'ADMIN_TOKEN may hold only letters, digits and . _ ~ + / = - (generate one: openssl rand -base64 32)';
  if (token.length < 32) return `ADMIN_TOKEN is ${token.length} characters; it needs at least 32`;
  if (token.length > 200) return 'ADMIN_TOKEN is longer than 200 characters';
  if (new Set(token).size < 10) return 'ADMIN_TOKEN is too repetitive: it needs at least 10 distinct characters';
  return null;
};

/**
 * The bootstrap admin's token hash, kept in DATA_DIR/admin-token.sha256 whatever its source:
 * - ADMIN_TOKEN set: checked (a weak or malformed one stops the start with a message) and its hash kept;
 * - else the hash kept from an earlier start;
 * - else, on a data directory that keeps no record yet, a new token, printed once;
 * - else the start stops: a second admin is never minted silently beside a record.
 */
export const adminTokenHash = (
  dataDir: string,
  env: NodeJS.ProcessEnv,
  announce: (token: string) => void,
  keptRecord: boolean,
): string => {
  const file = join(dataDir, 'admin-token.sha256');
  const persist = (hash: string) => {
    if (dataDir === ':memory:') return;
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${hash}\n`, { mode: 0o600 });
  };
  if (env.ADMIN_TOKEN !== undefined) {
    const problem = adminTokenProblem(env.ADMIN_TOKEN);
    if (problem) throw new Error(problem);
    const hash = sha256Hex(env.ADMIN_TOKEN);
    persist(hash);
    return hash;
  }
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (keptRecord)
    throw new Error(
      `DATA_DIR ${dataDir} keeps a record but no admin token hash (${file}): set ADMIN_TOKEN to the admin's token; no new admin is minted beside an existing record`,
    );
  const token = newToken();
  if (dataDir === ':memory:') {
    announce(token);
    return sha256Hex(token);
  }
  // Processes starting together on an empty DATA_DIR: the first one's token is kept and only it announces.
  const { text, created } = readOrCreateOnce(file, () => `${sha256Hex(token)}\n`);
  if (created) announce(token);
  return text.trim();
};
