import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '@ceasefire/mvm';
import { canonicalText, toCanonicalValue } from '@ceasefire/event-store';
import type { FastifyRequest } from 'fastify';
import { validationFailed } from '../http/validation-failed';

/** Everything a write needs from the HTTP request besides its body: who, when, and its retry and concurrency intent. */
export interface WriteContext {
  actor: Actor;
  now: string;
  correlationId: string;
  /** Idempotency-Key scoped to the principal, hashed; absent when the client sent none. */
  idempotencyKey?: string;
  /** Hash of the request, to tell a retry from a reuse of the key for another request; empty without a key. */
  requestHash: string;
  /** Expected revision from If-Match: "<revision>". */
  ifMatch?: number;
  /** RFC 7240 `Prefer: wait=<seconds>`: how long the answer may wait for the ledger to sequence the events (at most 5 s). */
  preferWaitMs?: number;
  /** A party's verified detached signature over the request (SubmissionSignatureGuard). */
  submission?: { v: 2; bytes: string; keyId: string; sig: string };
  /** Events one stream may hold (WriteLimitsGuard); unlimited when absent. */
  maxStreamEvents?: number;
}

const KEY = /^[\x21-\x7e]{1,200}$/;
const MAX_LEDGER_WAIT_MS = 5000;

const requestHashOf = (request: FastifyRequest): string => {
  const body = request.body ?? null;
  let text: string;
  try {
    text = canonicalText(toCanonicalValue(body));
  } catch {
    text = JSON.stringify(body);
  }
  return createHash('sha256').update(`${request.method} ${request.url}\n${text}`).digest('hex');
};

export const writeContextOf = (
  request: FastifyRequest & { actor?: Actor; submission?: WriteContext['submission']; maxStreamEvents?: number },
): WriteContext => {
  const actor = request.actor as Actor;
  const headers = request.headers;
  const rawKey = headers['idempotency-key'];
  if (rawKey !== undefined && (typeof rawKey !== 'string' || !KEY.test(rawKey)))
    throw validationFailed([
      { field: 'Idempotency-Key', message: 'Idempotency-Key must be 1–200 visible ASCII characters' },
    ]);
  const ifMatch = headers['if-match'];
  let expected: number | undefined;
  if (ifMatch !== undefined) {
    const match = typeof ifMatch === 'string' ? /^(?:W\/)?"(\d{1,15})"$/.exec(ifMatch.trim()) : null;
    if (!match)
      throw validationFailed([{ field: 'If-Match', message: 'If-Match must be an ETag of the form "<revision>"' }]);
    expected = Number(match[1]);
  }
  const correlation = headers['x-correlation-id'];
  const wait = /(?:^|[,;\s])wait=(\d+)/.exec(String(headers.prefer ?? ''));
  return {
    actor,
    now: new Date().toISOString(),
    correlationId: typeof correlation === 'string' && KEY.test(correlation) ? correlation : randomUUID(),
    // A signed request is the party's, whichever of its principals sends it: its key scopes the retry.
    idempotencyKey: rawKey
      ? createHash('sha256')
          .update(`${request.submission ? `key:${request.submission.keyId}` : actor.principalId}\u0000${rawKey}`)
          .digest('hex')
      : undefined,
    // Only a retry needs telling apart from a reuse of its key, so only then is the body hashed.
    requestHash: rawKey ? requestHashOf(request) : '',
    ifMatch: expected,
    ...(wait ? { preferWaitMs: Math.min(Number(wait[1]) * 1000, MAX_LEDGER_WAIT_MS) } : {}),
    ...(request.submission ? { submission: request.submission } : {}),
    ...(request.maxStreamEvents ? { maxStreamEvents: request.maxStreamEvents } : {}),
  };
};

export const Write = createParamDecorator((_: unknown, context: ExecutionContext) =>
  writeContextOf(context.switchToHttp().getRequest()),
);
