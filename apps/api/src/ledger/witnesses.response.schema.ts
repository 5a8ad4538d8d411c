import { INTEGER, namedSchema, object, text } from '../http/contract/named-schema';
import { recordedReceipt } from '../http/contract/write-receipt.schema';

export const WitnessRegistered = recordedReceipt('WitnessRegistered', { name: text('witness.mediator-qa.example') });

export const CosignatureAdded = namedSchema(
  'CosignatureAdded',
  object({
    size: INTEGER,
    witness: text('witness.mediator-qa.example'),
    timestamp: { ...INTEGER, description: 'Seconds since the epoch, as signed.' },
  }),
);
