import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import canonicalize from 'canonicalize';
import { leafHashOf } from './offline-merkle';
import { VerifyFailure } from './verify-failure';

interface Envelope {
  stream: string;
  revision: number;
  eventId: string;
  type: string;
  recordedAt: string;
  prevHash: string;
  data: Record<string, unknown>;
  metadata: { principal?: string; submission?: { bytes: string; keyId: string; sig: string } };
}

interface RegisteredKey {
  party: string;
  publicKey: KeyObject;
  revokedAt?: number;
  signed: { entry: number; recordedAt: string }[];
}

const ZERO_HASH = '0'.repeat(64);
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
const SUBMISSION_PREFIX = Buffer.from('ceasefire-submission/v1\n');

/**
 * The per-entry checks, fed entries in log order: canonical JSON, each stream's revisions contiguous
 * from 0 with valid prevHash links, and each party's submission signature against the key registry
 * as the log itself stood at that entry (keys and principals are events in the same log).
 */
export class EntryChecker {
  readonly warnings: string[] = [];
  signedSubmissions = 0;
  private readonly tails = new Map<string, { revision: number; hash: string }>();
  private readonly principals = new Map<string, string | null>();
  private readonly keys = new Map<string, RegisteredKey>();

  /** `partialStreams`: the bundle starts mid-log, so a stream may first appear after revision 0. */
  constructor(private readonly partialStreams = false) {}

  get streams(): number {
    return this.tails.size;
  }

  /** Checks one entry (its text, and its exact bytes when at hand) and returns its leaf hash. */
  check(line: string, entry: number, bytes?: Buffer): Buffer {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(line) as Envelope;
    } catch {
      throw new VerifyFailure('not JSON', { entry });
    }
    const place = { entry, stream: envelope.stream, revision: envelope.revision };
    if (canonicalize(envelope) !== line) throw new VerifyFailure('not in RFC 8785 canonical form', place);
    const hash = leafHashOf(bytes ?? line);
    this.checkChain(envelope, hash.toString('hex'), place);
    this.checkSubmission(envelope, entry, place);
    this.learnRegistry(envelope, entry, place);
    return hash;
  }

  private checkChain(envelope: Envelope, hash: string, place: object): void {
    const tail = this.tails.get(envelope.stream);
    if (tail) {
      if (envelope.revision !== tail.revision + 1)
        throw new VerifyFailure(`revision follows ${tail.revision}: a revision is missing or out of order`, place);
      if (envelope.prevHash !== tail.hash)
        throw new VerifyFailure(`prevHash is not the hash of revision ${tail.revision}`, place);
    } else if (!this.partialStreams || envelope.revision === 0) {
      if (envelope.revision !== 0)
        throw new VerifyFailure('the stream starts after revision 0: earlier revisions are missing', place);
      if (envelope.prevHash !== ZERO_HASH) throw new VerifyFailure('revision 0 must have a zero prevHash', place);
    }
    this.tails.set(envelope.stream, { revision: envelope.revision, hash });
  }

  private checkSubmission(envelope: Envelope, entry: number, place: object): void {
    const submission = envelope.metadata?.submission;
    if (!submission) return;
    const key = this.keys.get(submission.keyId);
    if (!key) throw new VerifyFailure(`signed with key ${submission.keyId}, which the log never registered`, place);
    if (key.revokedAt !== undefined)
      throw new VerifyFailure(`signed with key ${submission.keyId}, revoked at entry ${key.revokedAt}`, place);
    const party = this.principals.get(envelope.metadata.principal ?? '');
    if (party === undefined && !this.partialStreams)
      throw new VerifyFailure(`submitted by principal ${envelope.metadata.principal}, never registered`, place);
    if (party !== undefined && party !== key.party)
      throw new VerifyFailure(`signed with a key of ${key.party}, but submitted by ${party ?? 'a non-party'}`, place);
    const message = Buffer.concat([SUBMISSION_PREFIX, Buffer.from(submission.bytes, 'base64')]);
    if (!verify(null, message, key.publicKey, Buffer.from(submission.sig, 'base64')))
      throw new VerifyFailure(`the submission signature by key ${submission.keyId} does not verify`, place);
    key.signed.push({ entry, recordedAt: envelope.recordedAt });
    this.signedSubmissions += 1;
  }

  private learnRegistry(envelope: Envelope, entry: number, place: object): void {
    const d = envelope.data;
    if (envelope.type === 'PrincipalRegistered')
      this.principals.set(d.principalId as string, (d.party as string | null) ?? null);
    if (envelope.type === 'PartyKeyRegistered') {
      const spki = Buffer.concat([SPKI_ED25519, Buffer.from((d.jwk as { x: string }).x, 'base64url')]);
      if (createHash('sha256').update(spki).digest('hex') !== d.keyId)
        throw new VerifyFailure(`key ${d.keyId as string} is registered under an id that is not its SHA-256`, place);
      this.keys.set(d.keyId as string, {
        party: d.party as string,
        publicKey: createPublicKey({ key: spki, format: 'der', type: 'spki' }),
        signed: [],
      });
    }
    if (envelope.type === 'PartyKeyRevoked') {
      const key = this.keys.get(d.keyId as string);
      if (!key) return;
      key.revokedAt = entry;
      const since = d.compromisedSince as string | null;
      if (since)
        for (const s of key.signed.filter((s) => Date.parse(s.recordedAt) >= Date.parse(since)))
          this.warnings.push(
            `entry ${s.entry} was signed with key ${d.keyId as string}, later reported compromised since ${since}`,
          );
    }
  }
}
