import { isCanonical } from './canonical-form';
import { ChainChecker } from './chain-checks';
import type { Envelope } from './envelope';
import { leafHashOf } from './offline-merkle';
import { SignatureChecker } from './signature-checks';
import { VerifyFailure } from './verify-failure';

/** Reads one entry: JSON, canonical form; returns it parsed, or fails naming the entry (and stream, once known). */
export const readEntry = (line: string, entry: number): Envelope => {
  let envelope: Envelope;
  try {
    envelope = JSON.parse(line) as Envelope;
  } catch {
    throw new VerifyFailure('not JSON', { entry });
  }
  if (!isCanonical(envelope, line))
    throw new VerifyFailure('not in RFC 8785 canonical form', {
      entry,
      stream: envelope.stream,
      revision: envelope.revision,
    });
  return envelope;
};

/** Every per-entry check, one entry at a time in log order (the selective-bundle path). */
export class EntryChecker {
  private readonly chains: ChainChecker;
  private readonly signatures: SignatureChecker;

  constructor(partial = false) {
    this.chains = new ChainChecker(partial);
    this.signatures = new SignatureChecker(partial);
  }

  get streams(): number {
    return this.chains.tails.size;
  }
  get signedSubmissions(): number {
    return this.signatures.signedSubmissions;
  }
  get partyKeys() {
    return this.signatures.keys;
  }
  get warnings(): string[] {
    return this.signatures.warnings;
  }

  /** Checks one entry and returns its leaf hash. */
  check(line: string, entry: number, bytes?: Buffer): Buffer {
    const envelope = readEntry(line, entry);
    const place = { entry, stream: envelope.stream, revision: envelope.revision };
    const hash = leafHashOf(bytes ?? line);
    this.chains.link(envelope, hash.toString('hex'), place);
    this.signatures.check(envelope, place);
    return hash;
  }
}
