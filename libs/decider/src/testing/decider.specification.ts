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
        // Every state is frozen before evolve or decide sees it: a write starts from a state kept and
        // shared since the stream's last write (FoldedStreams), so neither may change it.
        const run = () =>
          decider.decide(
            command,
            deepFreeze(
              events.reduce((state, event) => decider.evolve(deepFreeze(state), event), decider.initialState()),
            ),
          );
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

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
};
