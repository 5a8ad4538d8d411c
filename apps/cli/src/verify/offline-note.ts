import { createHash, createPublicKey, verify } from 'node:crypto';

/* The verifier's own C2SP signed-note and checkpoint reading: nothing shared with the server's code. */

export interface PinnedKey {
  name: string;
  keyHash: Buffer;
  publicKey: ReturnType<typeof createPublicKey>;
}

export const parseKey = (text: string): PinnedKey => {
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!match) throw new Error('the key is not a C2SP verifier key (<name>+<hash>+<base64 key>)');
  const bytes = Buffer.from(match[3], 'base64');
  if (bytes.length !== 33 || bytes[0] !== 1) throw new Error('only Ed25519 verifier keys are supported');
  const hash = createHash('sha256').update(`${match[1]}\n`).update(bytes).digest().subarray(0, 4);
  if (hash.toString('hex') !== match[2]) throw new Error('the verifier key hash does not match its key');
  const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), bytes.subarray(1)]);
  return { name: match[1], keyHash: hash, publicKey: createPublicKey({ key: spki, format: 'der', type: 'spki' }) };
};

/** The note's text if a signature line by `key` verifies over it; otherwise an error saying why. */
export const verifiedText = (note: string, key: PinnedKey): string => {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new Error('the checkpoint is not a signed note');
  const text = note.slice(0, split + 1);
  const lines = note
    .slice(split + 2)
    .split('\n')
    .filter(Boolean);
  for (const line of lines) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (!match || match[1] !== key.name) continue;
    const bytes = Buffer.from(match[2], 'base64');
    if (bytes.subarray(0, 4).equals(key.keyHash) && verify(null, Buffer.from(text), key.publicKey, bytes.subarray(4)))
      return text;
  }
  throw new Error(`no valid signature by ${key.name} on the checkpoint`);
};

export const readCheckpoint = (text: string): { origin: string; size: number; root: Buffer } => {
  const [origin, size, root] = text.split('\n');
  if (!origin || !/^\d+$/.test(size ?? '') || Buffer.from(root ?? '', 'base64').length !== 32)
    throw new Error('the checkpoint body is not origin, size, root');
  return { origin, size: Number(size), root: Buffer.from(root, 'base64') };
};
