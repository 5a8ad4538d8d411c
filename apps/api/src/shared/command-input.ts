/** A command union without the fields the handler fills in (Omit distributed over each member). */
export type CommandInput<C, Filled extends PropertyKey> = C extends unknown ? Omit<C, Filled> : never;
