import { parseArgs } from 'node:util';
import { EXIT, UsageError } from './cli-errors';

export const BIN = 'ceasefire-ledger';

export interface CliOption {
  /** What the value is, shown in the usage (absent: a switch). */
  value?: string;
  required?: boolean;
  multiple?: boolean;
  /** An environment variable that gives the value when the flag is absent (a secret stays off the command line). */
  env?: string;
  description: string;
}

export interface CliCommand {
  name: string;
  summary: string;
  /** A positional argument, e.g. the bundle directory of verify. */
  argument?: { name: string; description: string };
  options: Record<string, CliOption>;
  example: string;
  run: (
    values: Record<string, string | string[] | boolean | undefined>,
    argument: string | undefined,
  ) => Promise<number>;
}

const flag = (name: string, o: CliOption) => `--${name}${o.value ? ` ${o.value}` : ''}${o.multiple ? ' …' : ''}`;

export const usageLine = (c: CliCommand): string =>
  [
    BIN,
    c.name,
    ...(c.argument ? [c.argument.name] : []),
    ...Object.entries(c.options).map(([name, o]) => (o.required ? flag(name, o) : `[${flag(name, o)}]`)),
  ].join(' ');

export const commandHelp = (c: CliCommand): string => {
  const rows = [
    ...(c.argument ? [[c.argument.name, c.argument.description]] : []),
    ...Object.entries(c.options).map(([name, o]) => [
      flag(name, o),
      `${o.description}${o.required ? ' (required)' : ''}${o.env ? ` (or ${o.env})` : ''}`,
    ]),
    ['-h, --help', 'Show this help.'],
  ];
  const width = Math.max(...rows.map(([left]) => left.length));
  return [
    `${c.summary}\n`,
    `usage: ${usageLine(c)}\n`,
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
    `\nexample:\n  ${c.example}`,
  ].join('\n');
};

export const EXIT_CODES = `exit codes:
  ${EXIT.ok}  done (verify, audit: every check passed)
  ${EXIT.doesNotVerify}  the record does not verify: altered, reordered, dropped, a bad signature, a split view or a rollback
  ${EXIT.usage}  the command line is wrong: an unknown command or flag, a missing or malformed value
  ${EXIT.failed}  the command could not run: the API or a file could not be reached or read, or the API refused`;

export const cliHelp = (commands: CliCommand[]): string => {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `${BIN}: export, verify and witness the Ceasefire Ledger's record, and follow its breaches.\n`,
    `usage: ${BIN} <command> [flags]   (${BIN} <command> --help for its flags and an example)\n`,
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    EXIT_CODES,
  ].join('\n');
};

/** The command's flags from argv: an unknown flag, a missing required one or a stray argument is a UsageError naming it. */
export const parseCommand = (c: CliCommand, argv: string[], env: NodeJS.ProcessEnv = process.env) => {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(
          Object.entries(c.options).map(([name, o]) => [
            name,
            { type: o.value ? ('string' as const) : ('boolean' as const), multiple: o.multiple ?? false },
          ]),
        ),
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    const valueless = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
    throw new UsageError(
      unknown
        ? `unknown flag ${unknown[1]}`
        : valueless
          ? `${valueless[1].replace(/^-\w, /, '')} needs a value`
          : message.split('.')[0],
    );
  }
  const { positionals } = parsed;
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  if (values.help) return { help: true as const };
  for (const [name, o] of Object.entries(c.options)) if (o.env && values[name] === undefined) values[name] = env[o.env];
  const allowed = c.argument ? 1 : 0;
  if (positionals.length > allowed) throw new UsageError(`unexpected argument ${positionals[allowed]}`);
  const missing = [
    ...(c.argument && positionals.length === 0 ? [c.argument.name] : []),
    ...Object.entries(c.options)
      .filter(([name, o]) => o.required && values[name] === undefined)
      .map(([name, o]) => `--${name}${o.env ? ` (or ${o.env})` : ''}`),
  ];
  if (missing.length) throw new UsageError(`missing ${missing.join(', ')}`);
  return { help: false as const, values, argument: positionals[0] };
};
