import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** C2SP signed-note: Ed25519 is signature type 0x01. */
const ED25519 = 0x01;

export interface NoteVerifier {
  name: string;
  keyHash: Buffer;
  publicKey: KeyObject;
}

export interface NoteSigner extends NoteVerifier {
  privateKey: KeyObject;
}

/** C2SP signed-note key hash: the first 4 bytes of SHA-256(name ‖ "\n" ‖ type ‖ public key). */
export const noteKeyHash = (name: string, rawPublicKey: Buffer): Buffer =>
  createHash('sha256')
    .update(name)
    .update('\n')
    .update(Buffer.from([ED25519]))
    .update(rawPublicKey)
    .digest()
    .subarray(0, 4);

const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

export const rawPublicKeyOf = (key: KeyObject): Buffer =>
  key.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519.length);

/** Parses a verifier key `<name>+<hex key hash>+<base64(type ‖ public key)>`, checking the hash it names. */
export const parseVerifierKey = (text: string): NoteVerifier => {
  // The base64 part may itself contain '+', so the fields are matched, not split.
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!match) throw new Error('not a signed-note verifier key');
  const [, name, hash, encoded] = match;
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length !== 33 || bytes[0] !== ED25519) throw new Error('only Ed25519 verifier keys are supported');
  const raw = bytes.subarray(1);
  const keyHash = noteKeyHash(name, raw);
  if (keyHash.toString('hex') !== hash) throw new Error('the verifier key hash does not match its key');
  return {
    name,
    keyHash,
    publicKey: createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: 'der', type: 'spki' }),
  };
};

/** Parses a signer key `PRIVATE+KEY+<name>+<hex key hash>+<base64(type ‖ seed)>`. */
export const parseSignerKey = (text: string): NoteSigner => {
  const match = /^PRIVATE\+KEY\+([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!match) throw new Error('not a signed-note signer key');
  const [, name, hash, encoded] = match;
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length !== 33 || bytes[0] !== ED25519) throw new Error('only Ed25519 signer keys are supported');
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, bytes.subarray(1)]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  const keyHash = noteKeyHash(name, rawPublicKeyOf(publicKey));
  if (keyHash.toString('hex') !== hash) throw new Error('the signer key hash does not match its key');
  return { name, keyHash, publicKey, privateKey };
};

export const formatVerifierKey = (v: NoteVerifier): string =>
  `${v.name}+${v.keyHash.toString('hex')}+${Buffer.concat([Buffer.from([ED25519]), rawPublicKeyOf(v.publicKey)]).toString('base64')}`;
