import { BOOLEAN, INTEGER, list, namedSchema, nullable, object, text } from '../http/contract/named-schema';

export const AgreementCheckpoint = namedSchema(
  'AgreementCheckpoint',
  object({
    size: { ...INTEGER, description: 'The ledger size the note commits to.' },
    note: { type: 'string', description: 'The C2SP signed note, with the cosignatures gathered so far.' },
    cosigners: list(text('witness.mediator-tr.example')),
    policy: {
      ...nullable(object({ k: INTEGER, witnesses: list(text('witness.mediator-tr.example')) })),
      description: "The agreement's cosignature policy; null when it has none (then final stays false).",
    },
    final: { ...BOOLEAN, description: "True once k of the policy's witnesses have cosigned." },
  }),
);
