import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';

export interface NamedSchema {
  name: string;
  schema: SchemaObject;
}

const registry = new Map<string, SchemaObject>();

/**
 * A response schema with a name in the OpenAPI document's components. Defining it registers it, so the
 * document holds every schema a controller's @Replies names, and two schemas cannot share a name.
 */
export const namedSchema = (name: string, schema: SchemaObject): NamedSchema => {
  if (registry.has(name) && registry.get(name) !== schema) throw new Error(`Two response schemas are named ${name}`);
  registry.set(name, schema);
  return { name, schema };
};

export const ref = (named: NamedSchema): ReferenceObject => ({ $ref: `#/components/schemas/${named.name}` });

export const registeredSchemas = (): Record<string, SchemaObject> => Object.fromEntries(registry);

/** A list of some schema with the one pagination convention: `next` (an opaque cursor) when more follow. */
export const pageOf = (name: string, key: string, item: NamedSchema, extra: Record<string, SchemaObject> = {}) =>
  namedSchema(name, {
    type: 'object',
    required: [key, 'next'],
    properties: {
      ...extra,
      [key]: { type: 'array', items: ref(item) },
      next: {
        type: 'string',
        nullable: true,
        description:
          'Cursor of the next page (pass as ?cursor=); null on the last page. Also sent as Link: rel="next".',
      },
    },
  });

export const strings = (values: readonly string[], example?: string): SchemaObject => ({
  type: 'string',
  enum: [...values],
  ...(example ? { example } : {}),
});

export const TIMESTAMP: SchemaObject = { type: 'string', format: 'date-time', example: '2025-10-31T22:40:00.000Z' };
export const NULLABLE_TIMESTAMP: SchemaObject = { ...TIMESTAMP, nullable: true };
export const POSITION: SchemaObject = {
  type: 'string',
  description: 'A global log position: opaque, ordered; pass it back as ?minPosition= for read-your-writes.',
  example: '00000000000000000042',
  pattern: '^[0-9]{20}(:[0-9]{20})?$',
};
export const UUID: SchemaObject = { type: 'string', format: 'uuid', example: '01a2222b-b464-7c95-8ccb-43cec952edff' };

/** An object whose properties are all required but those named optional. */
export const object = (
  properties: Record<string, SchemaObject | ReferenceObject>,
  optional: string[] = [],
): SchemaObject => ({
  type: 'object',
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
  properties,
});
export const list = (items: SchemaObject | ReferenceObject): SchemaObject => ({ type: 'array', items });
export const text = (example?: string): SchemaObject => ({ type: 'string', ...(example ? { example } : {}) });
/** OpenAPI 3.0's nullable; an enum must list null too for a null to be valid. */
export const nullable = (schema: SchemaObject): SchemaObject => ({
  ...schema,
  nullable: true,
  ...(schema.enum ? { enum: [...schema.enum, null] } : {}),
});
export const INTEGER: SchemaObject = { type: 'integer', minimum: 0 };
export const BOOLEAN: SchemaObject = { type: 'boolean' };
export const Vote = object({ principalId: UUID, institution: text('TR') });
export const PENDING_VOTES: SchemaObject = {
  type: 'object',
  description: 'Votes on proposals not yet carried, by id: the proposal (its canonical text) and who voted for it.',
  additionalProperties: object({ proposal: text(), votes: list(Vote) }),
};
