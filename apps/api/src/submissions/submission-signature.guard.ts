import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { Actor } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import type { FastifyRequest } from 'fastify';
import { contextBytes, parseSubmissionHeader, type SignedContext, verifySubmission } from './submission-signature';
import { partyKeyById } from './party-keys.queries';
import { validationFailed } from '../http/validation-failed';

export interface Submission {
  /** Signature format: 2 signs the request's context (method, target, time, Idempotency-Key) and body. */
  v: 2;
  /** base64 of the exact bytes signed after the prefix: JCS of the signed context. */
  bytes: string;
  keyId: string;
  sig: string;
}

/** How far a signature's `created` may be from the server's clock. */
const MAX_SKEW_SECONDS = 300;

const HEADER_FORMAT =
  'Submission-Signature: keyId=<64 hex>, created=<unix seconds>, sig=<base64 Ed25519 over "ceasefire-submission/v2\\n" ‖ JCS({method, target, created, idempotencyKey, body})>';

/**
 * Checks a party's detached signature over its request when one is sent: the key must be registered to
 * that party and not revoked, the signature must cover this method, path, time and Idempotency-Key
 * and this body. The signed bytes then travel into the events' metadata, so the ledger leaf commits to them.
 */
@Injectable()
export class SubmissionSignatureGuard implements CanActivate {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor; submission?: Submission }>();
    const header = request.headers['submission-signature'];
    if (header === undefined) return true;
    const parsed = typeof header === 'string' ? parseSubmissionHeader(header) : undefined;
    if (!parsed)
      throw validationFailed([
        { field: 'Submission-Signature', message: `Submission-Signature must be of the form ${HEADER_FORMAT}` },
      ]);
    const idempotencyKey = request.headers['idempotency-key'];
    if (typeof idempotencyKey !== 'string')
      throw validationFailed([
        {
          field: 'Idempotency-Key',
          message: 'Idempotency-Key is missing: a signed submission carries one, and signs it',
        },
      ]);
    const actor = request.actor;
    if (actor?.role !== 'party') throw new ForbiddenException('only party principals sign submissions');
    const skew = Math.abs(Date.now() / 1000 - parsed.created);
    if (skew > MAX_SKEW_SECONDS)
      throw new UnauthorizedException(
        `Submission-Signature: created is ${Math.round(skew)} s from the server's clock; at most ${MAX_SKEW_SECONDS} s`,
      );
    const key = partyKeyById(this.runner, parsed.keyId);
    if (!key) throw new UnauthorizedException(`Submission-Signature: no registered key ${parsed.keyId}`);
    if (key.party !== actor.party)
      throw new UnauthorizedException(
        `Submission-Signature: key ${parsed.keyId} belongs to ${key.party}, not ${actor.party}`,
      );
    if (key.revoked_at)
      throw new UnauthorizedException(`Submission-Signature: key ${parsed.keyId} was revoked at ${key.revoked_at}`);
    const signed: SignedContext = {
      method: request.method,
      target: request.url.split('?')[0],
      created: parsed.created,
      idempotencyKey,
      body: request.body ?? null,
    };
    if (!verifySubmission(key.x, signed, Buffer.from(parsed.sig, 'base64')))
      throw new UnauthorizedException(`Submission-Signature does not verify over this request; ${HEADER_FORMAT}`);
    request.submission = { v: 2, bytes: contextBytes(signed).toString('base64'), keyId: parsed.keyId, sig: parsed.sig };
    return true;
  }
}
