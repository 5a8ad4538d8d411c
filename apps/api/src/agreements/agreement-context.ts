import { UnauthorizedException } from '@nestjs/common';
import { notFound } from '@ceasefire/decider';
import type { AgreementContext } from '@ceasefire/mvm';
import type { WriteContext } from '../write-path/write-context';
import type { AgreementDirectory } from './agreement-directory';

/** What an incident or commitment command needs to know of its agreement. */
export const loadAgreementContext = async (
  agreements: AgreementDirectory,
  agreementId: string,
): Promise<AgreementContext> => {
  const state = await agreements.state(agreementId);
  if (state.status === 'NONE') throw notFound('AgreementNotFound', `no agreement ${agreementId}`);
  return {
    agreementId,
    status: state.status,
    parties: state.parties.map((p) => p.code),
    mediators: state.mediators,
    suspensions: state.suspensions,
    ...(state.monitoringComponents ? { monitoringComponents: state.monitoringComponents } : {}),
    provisions: state.provisions.map((p) => p.id),
    terms: state.terms,
    effectiveAt: state.effectiveAt,
  };
};

/**
 * The agreement a case or commitment belongs to — named by the request when the stream is new, else
 * by the stream itself — checked for the signature its terms may require.
 */
export const agreementOfStream = async (
  agreements: AgreementDirectory,
  owner: string | undefined,
  missing: { rule: string; message: string },
  context: WriteContext,
): Promise<AgreementContext> => {
  if (!owner) throw notFound(missing.rule, missing.message);
  const agreement = await loadAgreementContext(agreements, owner);
  requireSignatureIfAgreed(agreement, context);
  return agreement;
};

/** An agreement may require every party write to be signed; checked once the agreement's terms are known. */
export const requireSignatureIfAgreed = (agreement: AgreementContext, context: WriteContext): void => {
  if (agreement.terms.requireSignedSubmissions && context.actor.role === 'party' && !context.submission)
    throw new UnauthorizedException(
      'this agreement requires signed party submissions: send Idempotency-Key and Submission-Signature: keyId=<key id>, created=<unix seconds>, sig=<base64 Ed25519 signature over "ceasefire-submission/v2\\n" followed by JCS({method, target, created, idempotencyKey, body})>',
    );
};
