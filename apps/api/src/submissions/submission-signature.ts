import { createHash, createPublicKey, verify } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The bytes a party signs: a domain prefix, so the signature can serve no other protocol, then JCS of the body. */
export const submissionMessage = (body: unknown): Buffer =>
  Buffer.concat([Buffer.from('ceasefire-submission/v1\n'), Buffer.from(canonicalize(body ?? null) as string, 'utf8')]);

/** keyId = hex SHA-256 of the key's SPKI encoding. */
export const keyIdOf = (x: string): string => createHash('sha256').update(spkiOf(x)).digest('hex');

const spkiOf = (x: string) =>
  Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(x, 'base64url')]);

export const verifySubmission = (x: string, body: unknown, signature: Buffer): boolean =>
  verify(null, submissionMessage(body), createPublicKey({ key: spkiOf(x), format: 'der', type: 'spki' }), signature);

/** Parses `Submission-Signature: keyId=<hex>, sig=<base64>`. */
export const parseSubmissionHeader = (header: string): { keyId: string; sig: string } | undefined => {
  const match = /^\s*keyId=([0-9a-f]{64})\s*,\s*sig=([A-Za-z0-9+/_-]+={0,2})\s*$/.exec(header);
  return match ? { keyId: match[1], sig: match[2] } : undefined;
};
