import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { Envelope } from './envelope';
import { type FailurePlace, VerifyFailure } from './verify-failure';

interface RegisteredKey {
  party: string;
  publicKey: KeyObject;
  revokedAt?: number;
  signed: { entry: number; recordedAt: string }[];
}

const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
const SUBMISSION_PREFIX = Buffer.from('ceasefire-submission/v1\n');

/**
 * Each party's submission signature, checked against the key registry as the log itself stood at that
 * entry: principals and party keys are events in the same log, fed here in order.
 */
export class SignatureChecker {
  readonly warnings: string[] = [];
  signedSubmissions = 0;
  private readonly principals = new Map<string, string | null>();
  private readonly keys = new Map<string, RegisteredKey>();

  /** `partial`: the registry before the first entry is unknown, so an unknown principal is not a failure. */
  constructor(private readonly partial = false) {}

  check(e: Envelope, place: FailurePlace & { entry: number }): void {
    this.checkSubmission(e, place);
    this.learn(e, place);
  }

  private checkSubmission(e: Envelope, place: FailurePlace & { entry: number }): void {
    const submission = e.metadata?.submission;
    if (!submission) return;
    const key = this.keys.get(submission.keyId);
    if (!key) throw new VerifyFailure(`signed with key ${submission.keyId}, which the log never registered`, place);
    if (key.revokedAt !== undefined)
      throw new VerifyFailure(`signed with key ${submission.keyId}, revoked at entry ${key.revokedAt}`, place);
    const party = this.principals.get(e.metadata.principal ?? '');
    if (party === undefined && !this.partial)
      throw new VerifyFailure(`submitted by principal ${e.metadata.principal}, never registered`, place);
    if (party !== undefined && party !== key.party)
      throw new VerifyFailure(`signed with a key of ${key.party}, but submitted by ${party ?? 'a non-party'}`, place);
    const message = Buffer.concat([SUBMISSION_PREFIX, Buffer.from(submission.bytes, 'base64')]);
    if (!verify(null, message, key.publicKey, Buffer.from(submission.sig, 'base64')))
      throw new VerifyFailure(`the submission signature by key ${submission.keyId} does not verify`, place);
    key.signed.push({ entry: place.entry, recordedAt: e.recordedAt });
    this.signedSubmissions += 1;
  }

  private learn(e: Envelope, place: FailurePlace & { entry: number }): void {
    const d = e.data;
    if (e.type === 'PrincipalRegistered')
      this.principals.set(d.principalId as string, (d.party as string | null) ?? null);
    if (e.type === 'PartyKeyRegistered') {
      const spki = Buffer.concat([SPKI_ED25519, Buffer.from((d.jwk as { x: string }).x, 'base64url')]);
      if (createHash('sha256').update(spki).digest('hex') !== d.keyId)
        throw new VerifyFailure(`key ${d.keyId as string} is registered under an id that is not its SHA-256`, place);
      this.keys.set(d.keyId as string, {
        party: d.party as string,
        publicKey: createPublicKey({ key: spki, format: 'der', type: 'spki' }),
        signed: [],
      });
    }
    if (e.type === 'PartyKeyRevoked') {
      const key = this.keys.get(d.keyId as string);
      if (!key) return;
      key.revokedAt = place.entry;
      const since = d.compromisedSince as string | null;
      if (since)
        for (const s of key.signed.filter((s) => Date.parse(s.recordedAt) >= Date.parse(since)))
          this.warnings.push(
            `entry ${s.entry} was signed with key ${d.keyId as string}, later reported compromised since ${since}`,
          );
    }
  }
}
