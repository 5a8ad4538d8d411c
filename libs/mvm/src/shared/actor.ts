import { forbidden } from '@ceasefire/decider';

export const ROLES = ['party', 'monitor', 'mediator', 'auditor', 'observer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who acts: comes with every command from the authenticated request, never from the body. */
export interface Actor {
  principalId: string;
  role: Role;
  /** Set for role 'party': the party code the principal acts for. */
  party?: string;
}

/** The scheduler's own identity for deadline events. */
export const SYSTEM_ACTOR: Actor = { principalId: 'system', role: 'admin' };

export const requireRole = (actor: Actor, allowed: Role[], action: string): void => {
  if (!allowed.includes(actor.role))
    throw forbidden('RoleNotAllowed', `a ${actor.role} may not ${action}; allowed: ${allowed.join(', ')}`);
};
