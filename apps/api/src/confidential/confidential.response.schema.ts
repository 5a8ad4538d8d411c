import { namedSchema, nullable, object, strings, text, TIMESTAMP, UUID } from '../http/contract/named-schema';
import { recordedReceipt } from '../http/contract/write-receipt.schema';

export const ConfidentialSource = namedSchema(
  'ConfidentialSource',
  object({
    sourceRef: UUID,
    identity: text('Border guard, Torkham'),
    contact: nullable(text('+92 300 000 0000')),
    consent: strings(['GIVEN', 'LIMITED', 'WITHDRAWN'], 'LIMITED'),
    risk: strings(['LOW', 'MEDIUM', 'HIGH'], 'HIGH'),
    registeredBy: UUID,
    registeredAt: TIMESTAMP,
  }),
);

export const SourceRegistered = namedSchema(
  'SourceRegistered',
  object({
    sourceRef: UUID,
    digest: {
      type: 'string',
      description: 'A keyed digest of the source: what case files and the log hold instead of the identity.',
      example: 'hmac:1b6e0aa8c6dbdd2a7ab7dbfa22a4ac3f018',
    },
  }),
);

export const SubjectKeyShredded = recordedReceipt('SubjectKeyShredded', {
  subjectKeyId: text('42e47371a19711d635986f1d41872d1c'),
});
