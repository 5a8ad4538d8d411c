import { conflict, type Decider, type DomainEvent, invalid, eventTypes } from '@ceasefire/decider';
import { type Actor, requireRole, type Role, ROLES } from '../shared/actor';

/** Who may act. Only the SHA-256 of the bearer token is recorded; the token itself is shown once. */
export type PrincipalEvent = DomainEvent<
  'PrincipalRegistered',
  { principalId: string; name: string; role: Role; party: string | null; tokenSha256: string; registeredBy: string }
>;

export interface RegisterPrincipal {
  type: 'RegisterPrincipal';
  actor: Actor;
  now: string;
  principalId: string;
  name: string;
  role: Role;
  party: string | null;
  tokenSha256: string;
}

export type PrincipalState = { registered: boolean };

export const principalDecider: Decider<RegisterPrincipal, PrincipalEvent, PrincipalState> = {
  initialState: () => ({ registered: false }),
  evolve: () => ({ registered: true }),
  decide: (c, state) => {
    requireRole(c.actor, ['admin'], 'register principals');
    if (state.registered) throw conflict('PrincipalAlreadyRegistered', 'this principal id is taken');
    if (!ROLES.includes(c.role)) throw invalid('KnownRole', `role must be one of ${ROLES.join(', ')}`);
    if ((c.role === 'party') !== (c.party !== null))
      throw invalid('PartyOnlyForPartyRole', 'a party principal, and only one, is bound to a party code');
    const { principalId, name, role, party, tokenSha256 } = c;
    return [
      {
        type: 'PrincipalRegistered',
        data: { principalId, name, role, party, tokenSha256, registeredBy: c.actor.principalId },
      },
    ];
  },
};

export const PRINCIPAL_EVENT_TYPES = eventTypes<PrincipalEvent>({ PrincipalRegistered: true });

export const principalStream = (principalId: string) => `principal-${principalId}`;
