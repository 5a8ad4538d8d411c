import type { Decider, DomainEvent } from '../decider';
import { DomainError } from '../domain-error';

/**
 * given(events).when(command).then(events) | .thenThrows(rule) — one helper for every decider test
 * (after Emmett's DeciderSpecification).
 */
export const DeciderSpecification = {
  for: <Command, Event extends DomainEvent, State>(decider: Decider<Command, Event, State>) => ({
    given: (events: Event[]) => ({
      when: (command: Command) => {
        const run = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
        return {
          then: (expected: Event[]) => expect(run()).toEqual(expected),
          thenContains: (expected: Partial<Event>[]) =>
            expect(run()).toEqual(expected.map((e) => expect.objectContaining(e))),
          thenThrows: (rule: string, kind?: DomainError['kind']) => {
            let error: unknown;
            try {
              run();
            } catch (e) {
              error = e;
            }
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).rule).toBe(rule);
            if (kind) expect((error as DomainError).kind).toBe(kind);
          },
        };
      },
    }),
  }),
};
