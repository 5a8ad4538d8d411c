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

export type ChainLink = Pick<Envelope, 'stream' | 'revision' | 'prevHash'>;

/** Entry types that change who may sign what, and entries that carry a signature: read whole, in order. */
const REGISTRY_TYPES = new Set([
  'PrincipalRegistered',
  'PartyKeyRegistered',
  'PartyKeyRevoked',
  'PartyKeyAcknowledged',
]);
export const concernsSignatures = (e: Envelope): boolean =>
  REGISTRY_TYPES.has(e.type) || e.metadata?.submission !== undefined;
