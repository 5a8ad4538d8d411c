import { INTEGER, list, namedSchema, nullable, object, text } from '../http/contract/named-schema';

const HEX_HASH = { type: 'string' as const, pattern: '^[0-9a-f]{64}$' };

const LedgerEntry = {
  oneOf: [
    object({
      index: INTEGER,
      leafHash: HEX_HASH,
      envelope: { type: 'string', description: "The event's canonical envelope (RFC 8785): its SHA-256 is leafHash." },
    }),
    object({
      index: INTEGER,
      leafHash: HEX_HASH,
      withheld: {
        ...object({ stream: text('incident-01a2222b-b464-7c95-8ccb-43cec952edff'), revision: INTEGER, reason: text() }),
        description: "Above the reader's level: where the event sits and why it is withheld, so the root still checks.",
      },
    }),
  ],
};

export const LedgerEntriesPage = namedSchema(
  'LedgerEntriesPage',
  object({
    entries: list(LedgerEntry),
    next: {
      ...nullable(text()),
      description:
        'Cursor of the next page (pass as ?cursor=); null at the end of the ledger. Also sent as Link: rel="next".',
    },
  }),
);
