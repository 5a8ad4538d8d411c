import { conflict, forbidden, invalid, notFound } from '@ceasefire/decider';
import type { Actor } from '../shared/actor';
import type { AgreementContext } from '../agreement/agreement-context';
import type { Conclusion } from './incident.events';
import type { FindingState, IncidentCase, IncidentState } from './incident.state';
import { isViolation } from './incident.vocabulary';

export const existingCase = (state: IncidentState): IncidentCase => {
  if (state.status === 'NONE') throw notFound('IncidentNotFound', 'no such incident');
  return state;
};

export const openCase = (state: IncidentState): IncidentCase => {
  const found = existingCase(state);
  if (found.status === 'CLOSED') throw conflict('CaseClosed', 'the case is closed');
  return found;
};

export const findingOf = (state: IncidentCase, findingId: string): FindingState => {
  const finding = state.findings.find((f) => f.findingId === findingId);
  if (!finding) throw notFound('FindingNotFound', `no finding ${findingId} in this case`);
  return finding;
};

/** A party principal acts only as itself. */
export const actingParty = (actor: Actor): string => {
  if (actor.role !== 'party' || !actor.party) throw forbidden('RoleNotAllowed', 'only a party may do this');
  return actor.party;
};

export const requireParty = (agreement: AgreementContext, party: string, field: string): void => {
  if (!agreement.parties.includes(party))
    throw invalid('PartyOfAgreement', `${field} ${party} is not a party to the agreement`);
};

/** RFC-free rule of our own: the outcome decides how many parties are named and whether a severity is given. */
export const checkConclusion = (agreement: AgreementContext, c: Conclusion): void => {
  c.attributedParties.forEach((p) => requireParty(agreement, p, 'attributed party'));
  if (new Set(c.attributedParties).size !== c.attributedParties.length)
    throw invalid('DistinctAttributedParties', 'attributed parties must be distinct');
  const count = c.attributedParties.length;
  const ok =
    c.outcome === 'VIOLATION_ATTRIBUTED'
      ? count === 1
      : c.outcome === 'VIOLATION_MULTI_PARTY'
        ? count >= 2
        : count === 0;
  if (!ok)
    throw invalid(
      'OutcomeMatchesAttribution',
      `${c.outcome} cannot name ${count} attributed part${count === 1 ? 'y' : 'ies'}`,
    );
  if (isViolation(c.outcome) !== (c.severity !== null))
    throw invalid('SeverityOnlyForViolations', 'a violation carries a severity S0–S4; other outcomes carry none');
};
