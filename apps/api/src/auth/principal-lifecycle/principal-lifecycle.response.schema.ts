import { text, UUID } from '../../http/contract/named-schema';
import { recordedReceipt } from '../../http/contract/write-receipt.schema';

export const BEARER_TOKEN = {
  ...text('5yH-AEyvW8r6rAyXnXgkdCBgJigHENE0qUP9PGNL'),
  description: 'The bearer token, shown this once: only its MAC is kept.',
};

export const PrincipalChanged = recordedReceipt('PrincipalChanged', { id: UUID });

export const TokenRotated = recordedReceipt('TokenRotated', { id: UUID, token: BEARER_TOKEN });
