import { createHash } from 'node:crypto';
import { conflict, type Decider, type DomainEvent, eventTypes } from '@ceasefire/decider';
import { type Actor, requireRole } from '../shared/actor';

/** A witness (a mediator's or a party's cosigner) and its tlog-cosignature verifier key, on the record. */
export type WitnessEvent = DomainEvent<
  'WitnessRegistered',
  { name: string; key: string; operator: string; registeredBy: string }
>;

export interface RegisterWitness {
  type: 'RegisterWitness';
  actor: Actor;
  now: string;
  name: string;
  /** The cosigner verifier key, already checked to parse and to be named `name`. */
  key: string;
  /** Who runs it: a mediator or party code. */
  operator: string;
}

export const witnessDecider: Decider<RegisterWitness, WitnessEvent, { registered: boolean }> = {
  initialState: () => ({ registered: false }),
  evolve: () => ({ registered: true }),
  decide: (c, state) => {
    requireRole(c.actor, ['admin'], 'register witnesses');
    if (state.registered) throw conflict('WitnessAlreadyRegistered', `a witness named ${c.name} is registered`);
    return [
      {
        type: 'WitnessRegistered',
        data: { name: c.name, key: c.key, operator: c.operator, registeredBy: c.actor.principalId },
      },
    ];
  },
};

export const WITNESS_EVENT_TYPES = eventTypes<WitnessEvent>({ WitnessRegistered: true });

/** One stream per witness name; the name is hashed so that any name makes a valid stream id. */
export const witnessStream = (name: string) =>
  `witness-${createHash('sha256').update(name).digest('hex').slice(0, 32)}`;
