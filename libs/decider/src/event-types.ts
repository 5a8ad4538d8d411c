import type { DomainEvent } from './decider';

/**
 * Every `type` of an event union, each named once as a key: the compiler refuses a missing name and
 * an unknown one, so a list built this way cannot fall behind the union.
 */
export const eventTypes = <E extends DomainEvent>(all: Record<E['type'], true>): E['type'][] =>
  Object.keys(all) as E['type'][];

/**
 * The types of an event union for which `flags` says true. Every type must be classified, true or
 * false, so a new event cannot be left out of a list by forgetting it.
 */
export const eventTypesWhere = <E extends DomainEvent>(flags: Record<E['type'], boolean>): E['type'][] =>
  (Object.keys(flags) as E['type'][]).filter((type) => flags[type]);
