import type { SchemaObject } from '@nestjs/swagger';
import { namedSchema, POSITION } from './named-schema';

const HASH: SchemaObject = {
  type: 'string',
  pattern: '^[0-9a-f]{64}$',
  description: "SHA-256 of the event's canonical envelope (RFC 8785), hex: the leaf the ledger commits to.",
  example: '1ad8c7bf0a6ccfdb2beca87a477c48b74a3e6b51c1a5e38a8c2a3a11d3f0b9e2',
};

export const WrittenEvent = namedSchema('WrittenEvent', {
  type: 'object',
  required: ['eventId', 'type', 'revision', 'position', 'hash'],
  properties: {
    eventId: { type: 'string', format: 'uuid', example: '01a2222a-ce8c-7746-bfdb-f0758a720d31' },
    type: { type: 'string', example: 'IncidentReported' },
    revision: { type: 'integer', minimum: 0, description: "The event's 0-based revision in its stream." },
    position: POSITION,
    hash: HASH,
    ledgerIndex: {
      type: 'integer',
      nullable: true,
      description: "The event's leaf index in the ledger once sequenced (ask with Prefer: wait=<seconds>).",
    },
  },
});

const receiptProperties: Record<string, SchemaObject> = {
  revision: {
    type: 'integer',
    nullable: true,
    description: "The stream's revision after the write; also the ETag, the If-Match of the next write.",
  },
  position: { ...POSITION, nullable: true },
  events: { type: 'array', items: { $ref: `#/components/schemas/${WrittenEvent.name}` } },
};

/** The receipt of a write outside the command write path (principals, party keys, witnesses, shredding). */
export const recordedReceipt = (name: string, extra: Record<string, SchemaObject>) =>
  namedSchema(name, {
    type: 'object',
    required: [...Object.keys(extra), 'revision', 'position', 'events'],
    properties: { ...extra, ...receiptProperties },
  });

/** What a command answers: the events it recorded, or a retried Idempotency-Key's first answer. */
export const WriteReceipt = namedSchema('WriteReceipt', {
  type: 'object',
  required: ['revision', 'position', 'events', 'replayed'],
  properties: {
    id: {
      type: 'string',
      format: 'uuid',
      description: 'The id of what the command made (an agreement, a case, a commitment), when it made one.',
      example: '01a2222a-ce7c-71fd-8595-9a57cc4ba6d0',
    },
    subjectKeyId: {
      type: 'string',
      description: 'The key that seals the personal data of this write (an interview): shred it to erase them.',
      example: '42e47371a19711d635986f1d41872d1c',
    },
    ...receiptProperties,
    replayed: {
      type: 'boolean',
      description:
        'True when this answers a retried Idempotency-Key: nothing new was written (also Idempotent-Replayed: true).',
    },
  },
});

/** The receipt of a command that made something: the id of what it made is always there. */
export const CreatedReceipt = namedSchema('CreatedReceipt', {
  ...WriteReceipt.schema,
  required: ['id', ...(WriteReceipt.schema.required ?? [])],
});
