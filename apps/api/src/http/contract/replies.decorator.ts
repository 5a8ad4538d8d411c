import { ApiExtension } from '@nestjs/swagger';
import type { NamedSchema } from './named-schema';
import { WriteReceipt } from './write-receipt.schema';

export type ResponseHeader = 'ETag' | 'Location' | 'Link' | 'Idempotent-Replayed' | 'Preference-Applied';
export type ErrorStatus = 404 | 409 | 412 | 422 | 503;

export interface RepliesSpec {
  status: 200 | 201 | 202 | 204;
  description: string;
  /** A JSON body of this schema. */
  body?: string;
  /** Bodies in other media types (a signed note, NDJSON, CSV, an event stream), as text. */
  text: { mediaType: string; example?: string; messages?: string }[];
  /** Requests the server makes because of this operation (a webhook's deliveries), as OpenAPI callbacks. */
  callbacks?: Record<string, unknown>;
  headers: ResponseHeader[];
  /** Answers 304 to If-None-Match. */
  notModified: boolean;
  /** Reads Idempotency-Key, If-Match and Prefer: wait (the write path). */
  writePath: boolean;
  /** A 503 answers the same schema (health: the store is down), not a problem. */
  unavailableBody?: boolean;
  /** Error statuses beyond those every operation of its kind may answer (see contractDocument). */
  errors: ErrorStatus[];
}

/** The OpenAPI extension that carries an operation's replies until the document is finished (see contractDocument). */
export const REPLIES = 'x-replies';

type ReadOptions = Partial<Pick<RepliesSpec, 'headers' | 'notModified' | 'errors' | 'status' | 'unavailableBody'>>;

const replies = (spec: RepliesSpec) => ApiExtension(REPLIES, spec);

/** Declares what an operation answers: documented in the OpenAPI document, checked by every e2e request. */
export const Replies = {
  /** A JSON read. */
  json: (body: NamedSchema, description: string, options: ReadOptions & { alsoAs?: string[] } = {}) => {
    const { alsoAs = [], ...rest } = options;
    return replies({
      status: 200,
      description,
      body: body.name,
      text: alsoAs.map((mediaType) => ({ mediaType })),
      headers: [],
      notModified: false,
      writePath: false,
      errors: [],
      ...rest,
    });
  },
  /**
   * A read answered in another media type. An event stream names the schema of each message's `data:`
   * (`messages`), which OpenAPI 3.0 cannot attach to text/event-stream itself.
   */
  text: (
    mediaType: string,
    description: string,
    options: ReadOptions & { example?: string; messages?: NamedSchema } = {},
  ) => {
    const { example, messages, ...rest } = options;
    return replies({
      status: 200,
      description,
      text: [{ mediaType, example, ...(messages ? { messages: messages.name } : {}) }],
      headers: [],
      notModified: false,
      writePath: false,
      errors: [],
      ...rest,
    });
  },
  /** A command through the write path: 201 with the receipt of the events recorded (or of a retried key's). */
  write: (description: string, options: { body?: NamedSchema; errors?: ErrorStatus[] } = {}) =>
    replies({
      status: 201,
      description,
      body: (options.body ?? WriteReceipt).name,
      text: [],
      headers: ['Location', 'ETag', 'Idempotent-Replayed', 'Preference-Applied'],
      notModified: false,
      writePath: true,
      errors: [404, 409, 412, 422, ...(options.errors ?? [])],
    }),
  /**
   * Something made with an answer of its own (a principal and its token, a webhook, a witness …): 201 with
   * Location. With `writePath`, its events go through the write path too, which reads Idempotency-Key,
   * If-Match (412 when stale) and Prefer: wait.
   */
  created: (
    body: NamedSchema,
    description: string,
    options: {
      errors?: ErrorStatus[];
      status?: 201 | 202;
      writePath?: boolean;
      callbacks?: RepliesSpec['callbacks'];
    } = {},
  ) =>
    replies({
      ...(options.callbacks ? { callbacks: options.callbacks } : {}),
      status: options.status ?? 201,
      description,
      body: body.name,
      text: [],
      headers: (options.status ?? 201) === 201 ? ['Location'] : [],
      notModified: false,
      writePath: options.writePath ?? false,
      errors: [409, 422, ...(options.writePath ? ([412] as const) : []), ...(options.errors ?? [])],
    }),
  /** An answer with no body. */
  empty: (status: 204, description: string, options: { errors?: ErrorStatus[] } = {}) =>
    replies({
      status,
      description,
      text: [],
      headers: [],
      notModified: false,
      writePath: false,
      errors: options.errors ?? [],
    }),
};
