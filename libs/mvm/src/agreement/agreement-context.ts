import type { MechanismTerms } from './agreement.events';

/** What a case needs to know of its agreement; the handler reads it from the agreement stream. */
export interface AgreementContext {
  agreementId: string;
  status: 'ACTIVE' | 'SUSPENDED';
  parties: string[];
  /** The mediator institutions; quorums count distinct ones. */
  mediators: string[];
  monitoringComponents?: string[];
  provisions: string[];
  terms: MechanismTerms;
  /** When the agreement took effect: nothing before it is a breach of it. */
  effectiveAt: string;
}
