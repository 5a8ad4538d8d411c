import type { DomainEvent } from './decider';
import { eventTypes, eventTypesWhere } from './event-types';

type Opened = DomainEvent<'Opened', { id: string }>;
type Closed = DomainEvent<'Closed', { id: string }>;
type E = Opened | Closed;

describe('event type lists', () => {
  it('list every type of the union, and only those', () => {
    expect(eventTypes<E>({ Opened: true, Closed: true })).toEqual(['Opened', 'Closed']);
    expect(eventTypesWhere<E>({ Opened: true, Closed: false })).toEqual(['Opened']);
  });

  it('do not compile with a type missing or unknown (checked by tsc in npm run lint)', () => {
    // @ts-expect-error a type of the union is missing
    eventTypes<E>({ Opened: true });
    // @ts-expect-error a name that is not a type of the union
    eventTypes<E>({ Opened: true, Closed: true, Reopened: true });
    // @ts-expect-error every type must be classified
    eventTypesWhere<E>({ Closed: true });
  });
});
