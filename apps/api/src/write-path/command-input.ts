/** A command union without the fields the handler fills in (Omit distributed over each member). */
export type CommandInput<C, Filled extends PropertyKey> = C extends unknown ? Omit<C, Filled> : never;

/**
 * A domain command from what the request said and what the handler knows (actor, time, ids, the
 * agreement). TypeScript cannot see that spreading a distributed Omit back together gives the union,
 * so the one cast of the write path is here.
 */
export const completeCommand = <C, Filled extends PropertyKey>(
  input: CommandInput<C, Filled>,
  filled: Record<Filled, unknown>,
): C => ({ ...input, ...filled }) as C;
