import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { Envelope } from './envelope';
import { type FailurePlace, VerifyFailure } from './verify-failure';

interface RegisteredKey {
  party: string;
  publicKey: KeyObject;
  registeredBy: string;
  acknowledgedBy: string[];
  revokedAt?: number;
  signed: { entry: number; recordedAt: string }[];
}

/** Who stands behind a party key, as the log records it: the auditor's answer to "who submitted what". */
export interface KeyReport {
  keyId: string;
  party: string;
  /** The principal that registered it, and who registered that principal (an admin account, typically). */
  registeredBy: { principal: string; role: string | null; party: string | null; registeredBy: string | null };
  acknowledgedBy: string[];
  signatures: number;
  revoked: boolean;
}

const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
/** v1 signed the body alone (replayable); v2 signs the request's method, target, time and Idempotency-Key too. */
const PREFIX = { 1: Buffer.from('ceasefire-submission/v1\n'), 2: Buffer.from('ceasefire-submission/v2\n') };

/** The id a v2 signature's target path must name: the stream's own id, or the agreement the event belongs to. */
const targetsOf = (e: Envelope): string[] => {
  const dash = e.stream.indexOf('-');
  const ids = [e.stream.slice(dash + 1)];
  if (typeof e.data.agreementId === 'string') ids.push(e.data.agreementId);
  return ids;
};

/**
 * Each party's submission signature, checked against the key registry as the log itself stood at that
 * entry: principals and party keys are events in the same log, fed here in order.
 */
export class SignatureChecker {
  readonly warnings: string[] = [];
  signedSubmissions = 0;
  private readonly principals = new Map<
    string,
    { party: string | null; role: string | null; registeredBy: string | null }
  >();
  private readonly keys_ = new Map<string, RegisteredKey>();

  /** `partial`: the registry before the first entry is unknown, so an unknown principal is not a failure. */
  constructor(private partial = false) {}

  /** Some registrations were withheld from this bundle's audience. */
  tolerateUnknownPrincipals(): void {
    this.partial = true;
  }

  check(e: Envelope, place: FailurePlace & { entry: number }): void {
    this.checkSubmission(e, place);
    this.learn(e, place);
  }

  private checkSubmission(e: Envelope, place: FailurePlace & { entry: number }): void {
    const submission = e.metadata?.submission;
    if (!submission) return;
    const key = this.keys_.get(submission.keyId);
    if (!key) throw new VerifyFailure(`signed with key ${submission.keyId}, which the log never registered`, place);
    if (key.revokedAt !== undefined)
      throw new VerifyFailure(`signed with key ${submission.keyId}, revoked at entry ${key.revokedAt}`, place);
    const principal = this.principals.get(e.metadata.principal ?? '');
    if (principal === undefined && !this.partial)
      throw new VerifyFailure(`submitted by principal ${e.metadata.principal}, never registered`, place);
    if (principal !== undefined && principal.party !== key.party)
      throw new VerifyFailure(
        `signed with a key of ${key.party}, but submitted by ${principal.party ?? 'a non-party'}`,
        place,
      );
    const version = submission.v === 2 ? 2 : 1;
    const bytes = Buffer.from(submission.bytes, 'base64');
    const message = Buffer.concat([PREFIX[version], bytes]);
    if (!verify(null, message, key.publicKey, Buffer.from(submission.sig, 'base64')))
      throw new VerifyFailure(`the submission signature by key ${submission.keyId} does not verify`, place);
    if (version === 2) {
      const signed = JSON.parse(bytes.toString('utf8')) as { target?: unknown; method?: unknown };
      const target = typeof signed.target === 'string' ? signed.target : '';
      if (!targetsOf(e).some((id) => target.split('/').includes(id)))
        throw new VerifyFailure(
          `signed for ${String(signed.method)} ${target}, which names neither ${e.stream} nor its agreement`,
          place,
        );
    } else if (!this.legacyWarned) {
      this.legacyWarned = true;
      this.warnings.push(
        'some submissions carry v1 signatures, which cover the body only (not the target, time or request id)',
      );
    }
    key.signed.push({ entry: place.entry, recordedAt: e.recordedAt });
    this.signedSubmissions += 1;
  }

  private legacyWarned = false;

  /** Every party key the log registered: who registered it, who acknowledged it, how often it signed. */
  get keys(): KeyReport[] {
    return [...this.keys_].map(([keyId, k]) => {
      const principal = this.principals.get(k.registeredBy);
      return {
        keyId,
        party: k.party,
        registeredBy: {
          principal: k.registeredBy,
          role: principal?.role ?? null,
          party: principal?.party ?? null,
          registeredBy: principal?.registeredBy ?? null,
        },
        acknowledgedBy: k.acknowledgedBy,
        signatures: k.signed.length,
        revoked: k.revokedAt !== undefined,
      };
    });
  }

  private learn(e: Envelope, place: FailurePlace & { entry: number }): void {
    const d = e.data;
    if (e.type === 'PrincipalRegistered')
      this.principals.set(d.principalId as string, {
        party: (d.party as string | null) ?? null,
        role: (d.role as string | undefined) ?? null,
        registeredBy: (d.registeredBy as string | undefined) ?? null,
      });
    if (e.type === 'PartyKeyAcknowledged') {
      const key = this.keys_.get(d.keyId as string);
      if (key && key.party === d.party) key.acknowledgedBy.push(d.institution as string);
    }
    if (e.type === 'PartyKeyRegistered') {
      const first = this.keys_.get(d.keyId as string);
      if (first) {
        // A key id belongs to the first party that registered it; older logs may hold a later claim.
        if (first.party !== d.party)
          this.warnings.push(
            `entry ${place.entry}: ${d.party as string} registered key ${d.keyId as string}, which ${first.party} registered first; ignored`,
          );
        return;
      }
      const spki = Buffer.concat([SPKI_ED25519, Buffer.from((d.jwk as { x: string }).x, 'base64url')]);
      if (createHash('sha256').update(spki).digest('hex') !== d.keyId)
        throw new VerifyFailure(`key ${d.keyId as string} is registered under an id that is not its SHA-256`, place);
      this.keys_.set(d.keyId as string, {
        party: d.party as string,
        publicKey: createPublicKey({ key: spki, format: 'der', type: 'spki' }),
        registeredBy: (d.registeredBy as string | undefined) ?? '',
        acknowledgedBy: [],
        signed: [],
      });
    }
    if (e.type === 'PartyKeyRevoked') {
      const key = this.keys_.get(d.keyId as string);
      if (!key || key.party !== d.party || key.revokedAt !== undefined) return;
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
