import { notFound } from '@ceasefire/decider';
import type { EventStore } from '@ceasefire/event-store';
import { type AgreementContext, agreementDecider } from '@ceasefire/mvm';
import { loadState } from '../shared/run-decider';
import { agreementStream } from './write-agreement.command';

/** What an incident or commitment command needs to know of its agreement, read from the agreement's stream. */
export const loadAgreementContext = async (store: EventStore, agreementId: string): Promise<AgreementContext> => {
  const { state } = await loadState(store, agreementStream(agreementId), agreementDecider);
  if (state.status === 'NONE') throw notFound('AgreementNotFound', `no agreement ${agreementId}`);
  return {
    agreementId,
    status: state.status,
    parties: state.parties.map((p) => p.code),
    provisions: state.provisions.map((p) => p.id),
    terms: state.terms,
  };
};
