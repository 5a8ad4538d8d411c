import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { noteKeyHash, type NoteSigner, parseSignerKey } from '@ceasefire/ledger';
import { readOrCreateOnce } from '../config/create-once';

const PKCS8_PREFIX_LENGTH = 16;

/** C2SP signer key text for a fresh Ed25519 key. */
const newSignerKey = (name: string): string => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX_LENGTH);
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  return `PRIVATE+KEY+${name}+${noteKeyHash(name, raw).toString('hex')}+${Buffer.concat([Buffer.from([1]), seed]).toString('base64')}`;
};

/** The log's signing key: LEDGER_SIGNING_KEY, else the one generated into DATA_DIR on first start (mode 0600). */
export const loadLedgerSigner = (dataDir: string, origin: string, env: NodeJS.ProcessEnv): NoteSigner => {
  if (env.LEDGER_SIGNING_KEY) return parseSignerKey(env.LEDGER_SIGNING_KEY);
  return parseSignerKey(readOrCreateOnce(join(dataDir, 'ledger-signing.key'), () => `${newSignerKey(origin)}\n`).text);
};
