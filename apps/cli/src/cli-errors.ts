/** What the CLI's exit code says (also in `ceasefire-ledger --help` and the README). */
export const EXIT = {
  /** Done; for verify and audit: every check passed. */
  ok: 0,
  /** The record does not verify: altered, reordered, dropped, a bad signature, a split view or a rollback. */
  doesNotVerify: 1,
  /** The command line is wrong: an unknown command or flag, a missing or malformed one. */
  usage: 2,
  /** The command could not run: the API or a file could not be reached or read, or the API refused. */
  failed: 3,
} as const;

/** The record fails a check: exit 1. */
export class RecordDoesNotVerify extends Error {}

/** The command line is wrong: exit 2, with the command's usage. */
export class UsageError extends Error {}
