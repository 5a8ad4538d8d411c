/** The envelope fields the verifier reads (RFC 8785 text of these, and more, is what each leaf hashes). */
export interface Envelope {
  stream: string;
  revision: number;
  eventId: string;
  type: string;
  recordedAt: string;
  prevHash: string;
  data: Record<string, unknown>;
  metadata: { principal?: string; submission?: { v?: 2; bytes: string; keyId: string; sig: string } };
}

/** A link of a stream's chain; prevHash is null for an entry withheld from the bundle's audience (not knowable). */
export type ChainLink = Pick<Envelope, 'stream' | 'revision'> & { prevHash: string | null };

/** An entry a bundle's audience may not read: its leaf hash and place only, so the root and the chains still check. */
export interface WithheldEntry {
  withheld: { leafHash: string; reason: string; revision: number; stream: string };
}

/** A withheld entry's line, or undefined for an envelope. */
export const withheldEntry = (line: string): WithheldEntry['withheld'] | undefined => {
  if (!line.startsWith('{"withheld":')) return undefined;
  const { withheld } = JSON.parse(line) as WithheldEntry;
  if (
    !/^[0-9a-f]{64}$/.test(withheld?.leafHash) ||
    typeof withheld.stream !== 'string' ||
    !Number.isInteger(withheld.revision) ||
    typeof withheld.reason !== 'string'
  )
    return undefined;
  return withheld;
};

/** Entry types that change who may sign what, and entries that carry a signature: read whole, in order. */
const REGISTRY_TYPES = new Set([
  'PrincipalRegistered',
  'PartyKeyRegistered',
  'PartyKeyRevoked',
  'PartyKeyAcknowledged',
]);
export const concernsSignatures = (e: Envelope): boolean =>
  REGISTRY_TYPES.has(e.type) || e.metadata?.submission !== undefined;
