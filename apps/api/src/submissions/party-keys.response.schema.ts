import { list, namedSchema, NULLABLE_TIMESTAMP, object, text, UUID } from '../http/contract/named-schema';
import { recordedReceipt } from '../http/contract/write-receipt.schema';

const KEY_ID = { ...text('223b7415c795a5400f075289c2c58fd8b802fa3d'), description: 'RFC 7638 thumbprint of the key.' };

export const PartyKeys = namedSchema(
  'PartyKeys',
  object({
    party: text('PK'),
    keys: list(
      object({
        keyId: KEY_ID,
        jwk: object({ kty: text('OKP'), crv: text('Ed25519'), x: text('yLI7jR8aLAL7Y9v65CKM3M4BotZDEJSAv0g4bM_F') }),
        registeredBy: UUID,
        acknowledgedBy: { ...list(text('TR')), description: 'Mediator institutions that acknowledged the key.' },
        revokedAt: NULLABLE_TIMESTAMP,
        compromisedSince: {
          ...NULLABLE_TIMESTAMP,
          description: 'Signatures by this key from then on are not trusted.',
        },
      }),
    ),
  }),
);

export const PartyKeyChanged = recordedReceipt('PartyKeyChanged', { keyId: KEY_ID });
