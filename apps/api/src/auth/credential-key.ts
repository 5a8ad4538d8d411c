import { createHash, createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreateOnce } from '../config/create-once';

export const CREDENTIAL_KEY = Symbol('CREDENTIAL_KEY');

/**
 * The key bearer tokens are MACed with before their verifier goes into the log: CREDENTIAL_KEY (base64,
 * 32+ bytes; the same on every node) or DATA_DIR/credential.key, generated on first start. Without it,
 * the log's verifiers cannot be used to test guessed tokens; lose it and every principal's token must be rotated.
 */
export const loadCredentialKey = (dataDir: string, env: NodeJS.ProcessEnv): Buffer => {
  if (env.CREDENTIAL_KEY !== undefined) {
    const key = Buffer.from(env.CREDENTIAL_KEY, 'base64');
    if (key.length < 32) throw new Error('CREDENTIAL_KEY must be at least 32 bytes, base64-encoded');
    return key;
  }
  if (dataDir === ':memory:') return randomBytes(32);
  const { text } = readOrCreateOnce(join(dataDir, 'credential.key'), () => `${randomBytes(32).toString('base64')}\n`);
  return Buffer.from(text.trim(), 'base64');
};

/** What the log records for a new token. */
export const tokenVerifier = (key: Buffer, token: string): string =>
  `hmac:${createHmac('sha256', key).update(token, 'utf8').digest('hex')}`;

/** Every verifier a token may have been recorded under: today's, and the plain SHA-256 older events hold. */
export const verifiersOf = (key: Buffer, token: string): string[] => [
  tokenVerifier(key, token),
  `sha256:${createHash('sha256').update(token, 'utf8').digest('hex')}`,
];
