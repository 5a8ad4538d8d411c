import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/** C2SP tlog-cosignature v1 with Ed25519: signature type 0x04 in the key ID, a timestamped signature. */
const COSIGNATURE_V1 = 0x04;
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

export interface Cosigner {
  name: string;
  keyHash: Buffer;
  publicKey: KeyObject;
}

export const cosignerKeyHash = (name: string, rawPublicKey: Buffer): Buffer =>
  createHash('sha256')
    .update(`${name}\n`)
    .update(Buffer.from([COSIGNATURE_V1]))
    .update(rawPublicKey)
    .digest()
    .subarray(0, 4);

const rawOf = (key: KeyObject) => key.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519.length);

/** A cosigner's verifier key: `<name>+<hex key ID>+<base64(0x04 ‖ public key)>`. */
export const formatCosignerKey = (name: string, publicKey: KeyObject): string =>
  `${name}+${cosignerKeyHash(name, rawOf(publicKey)).toString('hex')}+${Buffer.concat([Buffer.from([COSIGNATURE_V1]), rawOf(publicKey)]).toString('base64')}`;

export const parseCosignerKey = (text: string): Cosigner => {
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!match) throw new Error('not a cosigner verifier key');
  const bytes = Buffer.from(match[3], 'base64');
  if (bytes.length !== 33 || bytes[0] !== COSIGNATURE_V1)
    throw new Error('not an Ed25519 cosignature/v1 key (type 0x04)');
  const keyHash = cosignerKeyHash(match[1], bytes.subarray(1));
  if (keyHash.toString('hex') !== match[2]) throw new Error('the cosigner key ID does not match its key');
  return {
    name: match[1],
    keyHash,
    publicKey: createPublicKey({ key: Buffer.concat([SPKI_ED25519, bytes.subarray(1)]), format: 'der', type: 'spki' }),
  };
};

/** The signed message: "cosignature/v1", the time line, then the whole checkpoint body. */
const message = (body: string, timestamp: number) => Buffer.from(`cosignature/v1\ntime ${timestamp}\n${body}`, 'utf8');

/** A cosignature line over a checkpoint body (its text, without signature lines). */
export const cosign = (body: string, name: string, privateKey: KeyObject, timestamp: number): string => {
  const keyHash = cosignerKeyHash(name, rawOf(createPublicKey(privateKey)));
  const time = Buffer.alloc(8);
  time.writeBigUInt64BE(BigInt(timestamp));
  const signature = sign(null, message(body, timestamp), privateKey);
  return `\u2014 ${name} ${Buffer.concat([keyHash, time, signature]).toString('base64')}\n`;
};

/** The cosignature's timestamp when `line` is a valid cosignature by `cosigner` over `body`; else undefined. */
export const verifyCosignature = (line: string, body: string, cosigner: Cosigner): number | undefined => {
  const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)\n?$/.exec(line);
  if (!match || match[1] !== cosigner.name) return undefined;
  const bytes = Buffer.from(match[2], 'base64');
  if (bytes.length !== 4 + 8 + 64 || !bytes.subarray(0, 4).equals(cosigner.keyHash)) return undefined;
  const timestamp = bytes.readBigUInt64BE(4);
  if (timestamp > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return verify(null, message(body, Number(timestamp)), cosigner.publicKey, bytes.subarray(12))
    ? Number(timestamp)
    : undefined;
};
