import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { cosignerKeyHash, formatCosignerKey } from '@ceasefire/ledger';

const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface WitnessKey {
  name: string;
  privateKey: KeyObject;
  verifierKey: string;
}

/** A witness's private key file: `PRIVATE+KEY+<name>+<key ID>+<base64(0x04 ‖ Ed25519 seed)>`, as C2SP keys are written. */
export const newWitnessKey = (name: string): { secret: string; verifierKey: string } => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_ED25519.length);
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const secret = `PRIVATE+KEY+${name}+${cosignerKeyHash(name, raw).toString('hex')}+${Buffer.concat([Buffer.from([4]), seed]).toString('base64')}`;
  return { secret, verifierKey: formatCosignerKey(name, publicKey) };
};

export const readWitnessKey = (text: string): WitnessKey => {
  const match = /^PRIVATE\+KEY\+([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!match) throw new Error('the witness key file is not PRIVATE+KEY+<name>+<key ID>+<base64>');
  const bytes = Buffer.from(match[3], 'base64');
  if (bytes.length !== 33 || bytes[0] !== 4) throw new Error('the witness key is not an Ed25519 cosignature/v1 key');
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, bytes.subarray(1)]),
    format: 'der',
    type: 'pkcs8',
  });
  const verifierKey = formatCosignerKey(match[1], createPublicKey(privateKey));
  if (verifierKey.split('+')[1] !== match[2]) throw new Error('the witness key ID does not match its key');
  return { name: match[1], privateKey, verifierKey };
};
