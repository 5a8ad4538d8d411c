import { nullable, text, UUID } from '../../http/contract/named-schema';
import { recordedReceipt } from '../../http/contract/write-receipt.schema';

export const BEARER_TOKEN = {
  ...nullable(text('5yH-AEyvW8r6rAyXnXgkdCBgJigHENE0qUP9PGNL')),
  description:
    'The bearer token, shown this once: only its MAC is kept. null in the answer to a retry with the same Idempotency-Key (the write is not made again, and the token is not shown again).',
};

export const PrincipalChanged = recordedReceipt('PrincipalChanged', { id: UUID });

export const TokenRotated = recordedReceipt('TokenRotated', { id: UUID, token: BEARER_TOKEN });
