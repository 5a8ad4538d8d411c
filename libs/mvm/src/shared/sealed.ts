/**
 * A value written encrypted under a per-subject key (envelope v2): the log, and so the Merkle leaf, holds
 * only the ciphertext. The domain passes it through untouched; once the subject's key is shredded it can
 * never be read again, and the record still verifies.
 */
export interface Sealed {
  sealed: {
    alg: 'A256GCM';
    /** The subject key's id. */
    kid: string;
    /** base64url: 12-byte nonce, ciphertext, 16-byte tag. */
    iv: string;
    ct: string;
    tag: string;
  };
}

export const isSealed = (value: unknown): value is Sealed =>
  typeof value === 'object' &&
  value !== null &&
  'sealed' in value &&
  typeof (value as Sealed).sealed?.kid === 'string' &&
  (value as Sealed).sealed.alg === 'A256GCM';
