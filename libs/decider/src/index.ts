export { type Decider, type DomainEvent, fold } from './decider';
export { conflict, DomainError, forbidden, invalid, notFound } from './domain-error';
export { eventTypes, eventTypesWhere } from './event-types';
