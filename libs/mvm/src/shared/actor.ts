import { forbidden } from '@ceasefire/decider';

export const ROLES = ['party', 'monitor', 'mediator', 'auditor', 'observer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Words the record uses for "no party" and "every party"; never a party's own code. */
export const RESERVED_PARTY_CODES = ['UNKNOWN', 'ALL'];

/** Who acts: comes with every command from the authenticated request, never from the body. */
export interface Actor {
  principalId: string;
  role: Role;
  /** Set for role 'party': the party code the principal acts for. */
  party?: string;
  /** Set for role 'mediator': the mediator institution (a mediator code of its agreements) it acts for. */
  institution?: string;
  /** Set for role 'monitor': the monitoring component it belongs to. */
  component?: string;
  /** When set, the only agreements the principal may act in. */
  agreements?: string[];
}

/** The scheduler's own identity for deadline events. */
export const SYSTEM_ACTOR: Actor = { principalId: 'system', role: 'admin' };

export const requireRole = (actor: Actor, allowed: Role[], action: string): void => {
  if (!allowed.includes(actor.role))
    throw forbidden('RoleNotAllowed', `a ${actor.role} may not ${action}; allowed: ${allowed.join(', ')}`);
};
