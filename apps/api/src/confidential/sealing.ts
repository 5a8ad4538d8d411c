import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Sealed } from '@ceasefire/mvm';
import type { SubjectKeyStore } from './subject-key.store';

/** Associated data: a sealed value opens only as what it was sealed as (its kind), under its key. */
const aad = (kid: string, kind: string) => Buffer.from(`ceasefire-sealed/v1\n${kind}\n${kid}`, 'utf8');

/** Seals a value under a new subject key: the key stays in the key store, the log gets only ciphertext. */
export const sealNew = (keys: SubjectKeyStore, kind: string, value: unknown): Sealed => {
  const { kid, key } = keys.create();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad(kid, kind));
  const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    sealed: {
      alg: 'A256GCM',
      kid,
      iv: iv.toString('base64url'),
      ct: ct.toString('base64url'),
      tag: cipher.getAuthTag().toString('base64url'),
    },
  };
};

export type Unsealed<T> = { value: T } | { erased: true; subjectKeyId: string };

/** Opens a sealed value, or says it is erased: its key was shredded (or is not held here). */
export const unseal = <T>(keys: SubjectKeyStore, kind: string, { sealed }: Sealed): Unsealed<T> => {
  const key = keys.get(sealed.kid);
  if (!key) return { erased: true, subjectKeyId: sealed.kid };
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64url'))
    .setAAD(aad(sealed.kid, kind))
    .setAuthTag(Buffer.from(sealed.tag, 'base64url'));
  const text = Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64url')), decipher.final()]).toString('utf8');
  return { value: JSON.parse(text) as T };
};
