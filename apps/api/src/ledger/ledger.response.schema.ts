import { INTEGER, list, namedSchema, object, text } from '../http/contract/named-schema';

const BASE64_HASH = text('BRqpJY6snSFJcPuD+Z4wLFnPQBps96v9Tcvymigh8Pk=');

export const InclusionProof = namedSchema(
  'InclusionProof',
  object({
    index: { ...INTEGER, description: "The leaf's index." },
    size: { ...INTEGER, description: 'The tree size the proof is for.' },
    rootHash: { ...BASE64_HASH, description: "The tree's root hash at that size (base64)." },
    hashes: { ...list(BASE64_HASH), description: 'RFC 9162 §2.1.3 audit path, base64.' },
  }),
);

export const ConsistencyProof = namedSchema(
  'ConsistencyProof',
  object({
    from: INTEGER,
    to: INTEGER,
    hashes: { ...list(BASE64_HASH), description: 'RFC 9162 §2.1.4 consistency proof, base64.' },
  }),
);
