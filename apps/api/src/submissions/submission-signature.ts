import { createHash, createPublicKey, verify } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * What a party signs (v2): a domain prefix, then JCS of the request's context — method, target path,
 * signing time, Idempotency-Key — and its body. The signature is good for that one request: sent to
 * another target it does not verify, and sent again it is the retry of a request already written.
 */
export const SUBMISSION_PREFIX_V2 = 'ceasefire-submission/v2\n';

export interface SignedContext {
  method: string;
  target: string;
  /** Unix seconds, as sent in the header. */
  created: number;
  idempotencyKey: string;
  body: unknown;
}

export const contextBytes = (context: SignedContext): Buffer =>
  Buffer.from(canonicalize({ ...context, body: context.body ?? null }) as string, 'utf8');

export const submissionMessage = (context: SignedContext): Buffer =>
  Buffer.concat([Buffer.from(SUBMISSION_PREFIX_V2), contextBytes(context)]);

/** keyId = hex SHA-256 of the key's SPKI encoding. */
export const keyIdOf = (x: string): string => createHash('sha256').update(spkiOf(x)).digest('hex');

const spkiOf = (x: string) =>
  Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(x, 'base64url')]);

export const verifySubmission = (x: string, context: SignedContext, signature: Buffer): boolean =>
  verify(null, submissionMessage(context), createPublicKey({ key: spkiOf(x), format: 'der', type: 'spki' }), signature);

/** Parses `Submission-Signature: keyId=<hex>, created=<unix seconds>, sig=<base64>`. */
export const parseSubmissionHeader = (header: string): { keyId: string; created: number; sig: string } | undefined => {
  const match = /^\s*keyId=([0-9a-f]{64})\s*,\s*created=(\d{1,12})\s*,\s*sig=([A-Za-z0-9+/_-]+={0,2})\s*$/.exec(header);
  return match ? { keyId: match[1], created: Number(match[2]), sig: match[3] } : undefined;
};
