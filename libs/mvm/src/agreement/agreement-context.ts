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
  /** Deadlines stop running while the agreement is suspended (absent: never suspended). */
  suspensions?: { from: string; to: string | null }[];
  /** When the agreement took effect: nothing before it is a breach of it. */
  effectiveAt: string;
}
