import { conflict, type Decider, type DomainEvent, eventTypes, forbidden, invalid, notFound } from '@ceasefire/decider';
import { type Actor, RESERVED_PARTY_CODES, requireRole, type Role, ROLES } from '../shared/actor';

interface Registration {
  principalId: string;
  name: string;
  role: Role;
  party: string | null;
  /** A mediator's institution (a mediator code such as TR); required for mediators, absent otherwise. */
  institution?: string;
  /** A monitor's monitoring component; optional for monitors, absent otherwise. */
  component?: string;
  /** When present, the only agreements the principal may act in. */
  agreements?: string[];
  /**
   * What checks the bearer token: a MAC of it under the server's credential key, so the log, which many
   * read, gives nothing to test guesses against. Opaque to the domain.
   */
  tokenVerifier: string;
}

type E<Type extends string, Data> = DomainEvent<Type, { principalId: string } & Data>;

/** Who may act. The token is shown once and never recorded; only its verifier is. */
export type PrincipalEvent =
  | E<
      'PrincipalRegistered',
      Omit<Registration, 'principalId' | 'tokenVerifier'> & {
        registeredBy: string;
        tokenVerifier?: string;
        /** Older events recorded the token's plain SHA-256 instead of a verifier. */
        tokenSha256?: string;
      }
    >
  | E<'PrincipalSuspended', { reason: string; by: string; at: string }>
  | E<'PrincipalReinstated', { reason: string; by: string; at: string }>
  /** Final: a revoked principal never acts again; what it signed or submitted stays verifiable. */
  | E<'PrincipalRevoked', { reason: string; by: string; at: string }>
  | E<'PrincipalTokenRotated', { tokenVerifier?: string; tokenSha256?: string; by: string; at: string }>;

interface Base {
  actor: Actor;
  now: string;
  principalId: string;
}

export type RegisterPrincipal = Base & Omit<Registration, 'principalId'> & { type: 'RegisterPrincipal' };

export type PrincipalCommand =
  | RegisterPrincipal
  | (Base & { type: 'SuspendPrincipal'; reason: string })
  | (Base & { type: 'ReinstatePrincipal'; reason: string })
  | (Base & { type: 'RevokePrincipal'; reason: string })
  | (Base & { type: 'RotatePrincipalToken'; tokenVerifier: string });

export type PrincipalState = { status: 'NONE' | 'ACTIVE' | 'SUSPENDED' | 'REVOKED' };

const checkRegistration = (c: RegisterPrincipal): void => {
  if (!ROLES.includes(c.role)) throw invalid('KnownRole', `role must be one of ${ROLES.join(', ')}`);
  if ((c.role === 'party') !== (c.party !== null))
    throw invalid('PartyOnlyForPartyRole', 'a party principal, and only one, is bound to a party code');
  if (c.party && RESERVED_PARTY_CODES.includes(c.party))
    throw invalid('PartyCodeNotReserved', `party ${c.party} is reserved and cannot be held by a principal`);
  if ((c.role === 'mediator') !== (c.institution !== undefined))
    throw invalid(
      'InstitutionOnlyForMediators',
      'institution is required for a mediator (its mediator code, e.g. TR) and given for no other role',
    );
  if (c.component !== undefined && c.role !== 'monitor')
    throw invalid('ComponentOnlyForMonitors', 'component is given for monitors only');
  if (c.agreements && (c.agreements.length === 0 || new Set(c.agreements).size !== c.agreements.length))
    throw invalid('DistinctAgreements', 'agreements, when given, lists one or more distinct agreement ids');
};

const existing = (state: PrincipalState): PrincipalState['status'] => {
  if (state.status === 'NONE') throw notFound('PrincipalNotFound', 'no such principal');
  if (state.status === 'REVOKED') throw conflict('PrincipalRevoked', 'this principal is revoked, for good');
  return state.status;
};

export const decidePrincipal = (c: PrincipalCommand, state: PrincipalState): PrincipalEvent[] => {
  const { principalId, now: at } = c;
  const by = c.actor.principalId;
  switch (c.type) {
    case 'RegisterPrincipal': {
      requireRole(c.actor, ['admin'], 'register principals');
      if (state.status !== 'NONE') throw conflict('PrincipalAlreadyRegistered', 'this principal id is taken');
      checkRegistration(c);
      const { name, role, party, institution, component, agreements, tokenVerifier } = c;
      return [
        {
          type: 'PrincipalRegistered',
          data: {
            principalId,
            name,
            role,
            party,
            ...(institution !== undefined ? { institution } : {}),
            ...(component !== undefined ? { component } : {}),
            ...(agreements !== undefined ? { agreements } : {}),
            tokenVerifier,
            registeredBy: by,
          },
        },
      ];
    }
    case 'SuspendPrincipal':
      requireRole(c.actor, ['admin'], 'suspend principals');
      if (existing(state) === 'SUSPENDED') throw conflict('PrincipalAlreadySuspended', 'already suspended');
      return [{ type: 'PrincipalSuspended', data: { principalId, reason: c.reason, by, at } }];
    case 'ReinstatePrincipal':
      requireRole(c.actor, ['admin'], 'reinstate principals');
      if (existing(state) !== 'SUSPENDED') throw conflict('PrincipalNotSuspended', 'the principal is not suspended');
      return [{ type: 'PrincipalReinstated', data: { principalId, reason: c.reason, by, at } }];
    case 'RevokePrincipal':
      requireRole(c.actor, ['admin'], 'revoke principals');
      existing(state);
      return [{ type: 'PrincipalRevoked', data: { principalId, reason: c.reason, by, at } }];
    case 'RotatePrincipalToken':
      if (c.actor.role !== 'admin' && c.actor.principalId !== principalId)
        throw forbidden('RotateOwnToken', 'a principal rotates its own token; an admin rotates any');
      existing(state);
      return [{ type: 'PrincipalTokenRotated', data: { principalId, tokenVerifier: c.tokenVerifier, by, at } }];
    default: {
      const unexpected: never = c;
      return unexpected;
    }
  }
};

export const evolvePrincipal = (state: PrincipalState, event: PrincipalEvent): PrincipalState => {
  switch (event.type) {
    case 'PrincipalRegistered':
    case 'PrincipalReinstated':
      return { status: 'ACTIVE' };
    case 'PrincipalSuspended':
      return { status: 'SUSPENDED' };
    case 'PrincipalRevoked':
      return { status: 'REVOKED' };
    case 'PrincipalTokenRotated':
      return state;
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
};

export const principalDecider: Decider<PrincipalCommand, PrincipalEvent, PrincipalState> = {
  initialState: () => ({ status: 'NONE' }),
  evolve: evolvePrincipal,
  decide: decidePrincipal,
};

export const PRINCIPAL_EVENT_TYPES = eventTypes<PrincipalEvent>({
  PrincipalRegistered: true,
  PrincipalSuspended: true,
  PrincipalReinstated: true,
  PrincipalRevoked: true,
  PrincipalTokenRotated: true,
});

export const principalStream = (principalId: string) => `principal-${principalId}`;
