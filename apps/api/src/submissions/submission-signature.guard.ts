import {
  BadRequestException,
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import canonicalize from 'canonicalize';
import type { Actor } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import type { FastifyRequest } from 'fastify';
import { parseSubmissionHeader, verifySubmission } from './submission-signature';
import { partyKeyById } from './party-keys.queries';

export interface Submission {
  /** base64 of the exact bytes signed after the prefix: JCS of the request body. */
  bytes: string;
  keyId: string;
  sig: string;
}

/**
 * Checks a party's detached signature over its request body when one is sent: the key must be
 * registered to that party and not revoked, and the signature must verify. The bytes, key id and
 * signature then travel into the events' metadata, so the ledger leaf commits to them.
 */
@Injectable()
export class SubmissionSignatureGuard implements CanActivate {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor; submission?: Submission }>();
    const header = request.headers['submission-signature'];
    if (header === undefined) return true;
    const parsed = typeof header === 'string' ? parseSubmissionHeader(header) : undefined;
    if (!parsed) throw new BadRequestException('Submission-Signature must be "keyId=<64 hex>, sig=<base64>"');
    const actor = request.actor;
    if (actor?.role !== 'party') throw new ForbiddenException('only party principals sign submissions');
    const key = partyKeyById(this.runner, parsed.keyId);
    if (!key) throw new UnauthorizedException(`Submission-Signature: no registered key ${parsed.keyId}`);
    if (key.party !== actor.party)
      throw new UnauthorizedException(
        `Submission-Signature: key ${parsed.keyId} belongs to ${key.party}, not ${actor.party}`,
      );
    if (key.revoked_at)
      throw new UnauthorizedException(`Submission-Signature: key ${parsed.keyId} was revoked at ${key.revoked_at}`);
    const body = request.body ?? null;
    if (!verifySubmission(key.x, body, Buffer.from(parsed.sig, 'base64')))
      throw new UnauthorizedException(
        'Submission-Signature does not verify over "ceasefire-submission/v1\\n" ‖ JCS(body)',
      );
    request.submission = {
      bytes: Buffer.from(canonicalize(body) as string, 'utf8').toString('base64'),
      keyId: parsed.keyId,
      sig: parsed.sig,
    };
    return true;
  }
}
