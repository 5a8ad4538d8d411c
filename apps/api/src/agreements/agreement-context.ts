import { UnauthorizedException } from '@nestjs/common';
import { notFound } from '@ceasefire/decider';
import type { EventStore } from '@ceasefire/event-store';
import { type AgreementContext, agreementDecider, type AgreementEvent, type AgreementState } from '@ceasefire/mvm';
import { asDomainEvent } from '../shared/run-decider';
import type { WriteContext } from '../shared/write-context';
import { agreementStream } from './write-agreement.command';

interface FoldedAgreement {
  revision: number;
  state: AgreementState;
}

const folded = new WeakMap<EventStore, Map<string, FoldedAgreement>>();
const CACHED_AGREEMENTS = 1000;

/**
 * Every write to a case or commitment needs its agreement: its state is folded once, then only
 * from the events after the revision folded last (the log is append-only, so that is exact).
 * Whether anything was appended since costs one index lookup, not a read of the last event.
 */
const agreementState = async (store: EventStore, agreementId: string): Promise<AgreementState> => {
  let cache = folded.get(store);
  if (!cache) folded.set(store, (cache = new Map()));
  const stream = agreementStream(agreementId);
  const current = await store.streamRevision(stream);
  if (current === 'no_stream') return agreementDecider.initialState();
  const cached = cache.get(agreementId);
  if (cached && cached.revision === current) return cached.state;
  let { state, revision } = cached ?? { state: agreementDecider.initialState(), revision: -1 };
  for await (const e of store.readStream(stream, { from: revision + 1 })) {
    state = agreementDecider.evolve(state, asDomainEvent<AgreementEvent>(e));
    revision = e.revision;
  }
  if (!cached && cache.size >= CACHED_AGREEMENTS) cache.delete(cache.keys().next().value as string);
  cache.set(agreementId, { state, revision });
  return state;
};

/** What an incident or commitment command needs to know of its agreement, read from the agreement's stream. */
export const loadAgreementContext = async (store: EventStore, agreementId: string): Promise<AgreementContext> => {
  const state = await agreementState(store, agreementId);
  if (state.status === 'NONE') throw notFound('AgreementNotFound', `no agreement ${agreementId}`);
  return {
    agreementId,
    status: state.status,
    parties: state.parties.map((p) => p.code),
    provisions: state.provisions.map((p) => p.id),
    terms: state.terms,
  };
};

/**
 * The agreement a case or commitment belongs to — named by the request when the stream is new, else
 * by the stream itself — checked for the signature its terms may require.
 */
export const agreementOfStream = async (
  store: EventStore,
  owner: string | undefined,
  missing: { rule: string; message: string },
  context: WriteContext,
): Promise<AgreementContext> => {
  if (!owner) throw notFound(missing.rule, missing.message);
  const agreement = await loadAgreementContext(store, owner);
  requireSignatureIfAgreed(agreement, context);
  return agreement;
};

/** An agreement may require every party write to be signed; checked once the agreement's terms are known. */
export const requireSignatureIfAgreed = (agreement: AgreementContext, context: WriteContext): void => {
  if (agreement.terms.requireSignedSubmissions && context.actor.role === 'party' && !context.submission)
    throw new UnauthorizedException(
      'this agreement requires signed party submissions: send Submission-Signature: keyId=<key id>, sig=<base64 Ed25519 signature over "ceasefire-submission/v1\\n" followed by JCS(body)>',
    );
};
